using System;
using System.Globalization;
using Tsm.EventLog.Aael;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;

namespace Tsm.EventLog.Tcg;

/// <summary>Feeds the events of a TCG log (TPM or CCEL) to replay and explanation.</summary>
internal static class TcgEventWalker
{
    public static void Walk(TcgLog log, EventLogFormat format, IEventSink sink)
    {
        bool ccel = format == EventLogFormat.Ccel;
        foreach (TcgEvent e in log)
        {
            bool informational = e.IsSpecIdHeader || e.Type == TcgEventType.NoAction;
            bool mapped = ccel ? RegisterIndexes.TryMapCcMr(e.Index, out RegisterId register) : RegisterIndexes.TryMapPcr(e.Index, out register);
            if (!mapped && !informational)
            {
                throw new EventLogFormatException(format.Name(), e.Offset, ccel
                    ? string.Create(CultureInfo.InvariantCulture, $"CC MR index {e.Index} names no register (0 MRTD, 1..4 RTMR0..3)")
                    : string.Create(CultureInfo.InvariantCulture, $"PCR index {e.Index} names no register (0..23)"));
            }

            // MRTD events (CC MR index 0) record what the TDX module measured at build time: MRTD is not an extend register.
            bool extends = mapped && !informational && register.Kind != RegisterKind.Mrtd;
            sink.Event(new MeasuredEvent(e.Number, e.Offset, register, extends, e.Type.SpecName(), e.Data, RuleOf(e.Type, e.Data)));
            foreach (TcgDigest digest in e.Digests)
            {
                sink.Digest(digest.Algorithm.ToMeasurementHash(), digest.Bytes);
            }
        }
    }

    /// <summary>
    /// The relation between digest and data that PFP Table 9 "Events" defines for the type: separators and action
    /// strings are hashed as they stand, Secure Boot variables as the whole UEFI_VARIABLE_DATA, boot
    /// variables by their data, grub's command lines without their prefix; the attestation agent hashes its whole tagged event.
    /// </summary>
    internal static DigestRule RuleOf(TcgEventType type, ReadOnlySpan<byte> data) => type switch
    {
        TcgEventType.Separator or TcgEventType.Action or TcgEventType.EfiAction or TcgEventType.SCrtmVersion
            or TcgEventType.EfiVariableDriverConfig or TcgEventType.EfiVariableAuthority or TcgEventType.EfiGptEvent => DigestRule.DataHash,
        TcgEventType.EfiVariableBoot or TcgEventType.EfiVariableBoot2 => DigestRule.VariableData,
        TcgEventType.Ipl => DigestRules.ForIpl(data),
        TcgEventType.EventTag when data.StartsWith(AaelTaggedEvent.Id) => DigestRule.DataHash,
        _ => DigestRule.None,
    };
}
