using System;
using System.Globalization;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Cel;

/// <summary>Feeds CEL records to replay: pcr → PCR, CCMR → CC MR index (4 = RTMR3), nv_index records are not extended.</summary>
internal static class CelEventWalker
{
    public static void Walk(ReadOnlySpan<byte> bytes, string format, IEventSink sink)
    {
        foreach (CelRecord record in CelTlvLog.Read(bytes))
        {
            RegisterId register;
            bool mapped = record.IndexType switch
            {
                CelIndexType.Pcr => RegisterIndexes.TryMapPcr(record.Index, out register),
                CelIndexType.CcMr => RegisterIndexes.TryMapCcMr(record.Index, out register),
                _ => Nv(record.Index, out register),
            };
            if (!mapped)
            {
                throw new EventLogFormatException(format, record.Offset, string.Create(CultureInfo.InvariantCulture, $"record {record.RecordNumber}: {(record.IndexType == CelIndexType.Pcr ? "PCR" : "CC MR")} index {record.Index} names no register"));
            }

            string typeName = CelContentTypes.Name(record.ContentType);
            ReadOnlySpan<byte> data = record.Content;
            DigestRule rule = DigestRule.None;
            if (record.ContentType == (byte)CelContentType.Cos)
            {
                // go-tpm-tools cel/cos_tlv.go: a COS event's digest is the hash of its content TLV, header included.
                data = record.ContentTlv;
                rule = DigestRule.DataHash;
            }
            else if (record.ContentType == (byte)CelContentType.PcClientStd && CelPcClientContent.TryRead(record.Content, out uint eventType, out ReadOnlySpan<byte> eventData))
            {
                typeName = ((TcgEventType)eventType).SpecName();
                data = eventData;
                rule = TcgEventWalker.RuleOf((TcgEventType)eventType, eventData);
            }

            bool extends = register.Kind is RegisterKind.Pcr or RegisterKind.Rtmr
                && !(record.ContentType == (byte)CelContentType.PcClientStd && typeName == "EV_NO_ACTION");
            sink.Event(new MeasuredEvent(record.Number, record.Offset, register, extends, typeName, data, rule));
            foreach (TcgDigest digest in record.Digests)
            {
                sink.Digest(digest.Algorithm.ToMeasurementHash(), digest.Bytes);
            }
        }
    }

    private static bool Nv(uint index, out RegisterId register)
    {
        register = new RegisterId(RegisterKind.NvIndex, (int)index);
        return true;
    }
}
