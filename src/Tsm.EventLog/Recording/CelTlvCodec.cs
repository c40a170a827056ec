using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Linq;
using System.Text;
using Tsm.EventLog.Aael;
using Tsm.EventLog.Cel;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Recording;

/// <summary>
/// CEL TLV records (<see cref="MeasurementLogFormat.CelTlv"/>): an EV_NO_ACTION INIT record with every bank's start, then
/// EV_EVENT_TAG records carrying the attestation agent's tagged event (<see cref="AaelTaggedEvent"/>).
/// </summary>
internal sealed class CelTlvCodec : LogCodec
{
    private const int TlvHeader = 5;

    public override MeasurementLogFormat Format => MeasurementLogFormat.CelTlv;

    public override string? Unsupported(LogicalRegister register) => TryIndex(register, out _, out _)
        ? null
        : $"CEL has no index type for {string.Join(", ", register.QualifiedNames)} (only pcr and the CC MR index of TDX); record it in the AAEL format";

    public override bool TryRead(ReadOnlySpan<byte> bytes, int offset, int number, LogicalRegister register, out LogEntry? entry, out string? reason)
    {
        entry = null;
        reason = null;
        if (EndsEarly(bytes, offset))
        {
            return false;
        }

        if (!CelTlvParser.TryReadRecord(bytes, offset, out CelRecordBounds record, out int errorOffset, out string? why))
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"record {number} (offset {errorOffset}): {why}");
            return true;
        }

        _ = TryIndex(register, out CelIndexType indexType, out uint index);
        ReadOnlySpan<byte> content = bytes.Slice(record.ContentOffset, record.ContentLength);
        if (record.RecordNumber != (ulong)number || record.IndexType != indexType || record.Index != index
            || record.ContentType != (byte)CelContentType.PcClientStd
            || !CelPcClientContent.TryRead(content, out uint eventType, out ReadOnlySpan<byte> eventData))
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"record {number} (offset {offset}): not the measurement log's record {number} of {register.Name}: a pcclient_std record numbered {number} with {indexType} index {index} was expected");
            return true;
        }

        entry = number == 0 ? ReadInit(record, eventType, eventData, register, offset, out reason) : ReadEvent(bytes, record, eventType, eventData, register, number, offset, out reason);
        return true;
    }

    public override byte[] EncodeInit(LogicalRegister register, AgileDigest[] start, int initBank)
    {
        string text = "INIT " + string.Join(' ', start.Select(value => $"{MeasurementHashInfo.KernelName(value.Algorithm)}/{LowerHex.Of(value.Bytes)}"));

        // PC Client PFP: an EV_NO_ACTION event is not extended and its digests are zero.
        AgileDigest[] zeros = register.Hashes.Select(hash => new AgileDigest(hash, new byte[MeasurementHashInfo.DigestSize(hash)])).ToArray();
        return Record(register, 0, zeros, (uint)TcgEventType.NoAction, Encoding.ASCII.GetBytes(text));
    }

    public override byte[] Measured(string line) => AaelTaggedEvent.Encode(Encoding.ASCII.GetBytes(line));

    public override byte[] EncodeEvent(LogicalRegister register, int number, string line, AgileDigest[] digests) =>
        Record(register, number, digests, (uint)TcgEventType.EventTag, Measured(line));

    private static byte[] Record(LogicalRegister register, int number, AgileDigest[] digests, uint eventType, byte[] eventData)
    {
        _ = TryIndex(register, out CelIndexType indexType, out uint index);
        byte[] content = new byte[TlvHeader + 4 + TlvHeader + eventData.Length];
        content[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(1), 4);
        BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(TlvHeader), eventType);
        content[TlvHeader + 4] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(content.AsSpan(TlvHeader + 4 + 1), (uint)eventData.Length);
        eventData.CopyTo(content, TlvHeader + 4 + TlvHeader);
        var writer = new CelTlvWriter();
        writer.Append((ulong)number, indexType, index, digests, (byte)CelContentType.PcClientStd, content);
        return writer.ToArray();
    }

    private static LogEntry? ReadInit(CelRecordBounds record, uint eventType, ReadOnlySpan<byte> eventData, LogicalRegister register, int offset, out string? reason)
    {
        reason = string.Create(CultureInfo.InvariantCulture, $"record 0 (offset {offset}): the INIT record is an EV_NO_ACTION whose data is 'INIT' and one alg/hex per bank of {register.Name} ({string.Join(", ", register.Hashes.Select(MeasurementHashInfo.KernelName))})");
        if (eventType != (uint)TcgEventType.NoAction || eventData.IndexOfAnyExceptInRange((byte)' ', (byte)'~') >= 0)
        {
            return null;
        }

        string text = Encoding.ASCII.GetString(eventData);
        string[] parts = text.Split(' ');
        if (parts.Length != register.Banks.Count + 1 || parts[0] != "INIT")
        {
            return null;
        }

        byte[]?[] start = new byte[register.Banks.Count][];
        foreach (string part in parts.Skip(1))
        {
            int slash = part.IndexOf('/', StringComparison.Ordinal);
            int bank = slash < 0 || !MeasurementHashInfo.TryParseKernelName(part[..slash], out MeasurementHash hash) ? -1 : register.BankOf(hash);
            if (bank < 0 || start[bank] is not null || part.Length - slash - 1 != 2 * MeasurementHashInfo.DigestSize(register.Hashes[bank]) || !IsHex(part.AsSpan(slash + 1)))
            {
                return null;
            }

            start[bank] = Convert.FromHexString(part.AsSpan(slash + 1));
        }

        reason = null;
        return new LogEntry(record.Length, text, null, start);
    }

    private static LogEntry? ReadEvent(ReadOnlySpan<byte> bytes, CelRecordBounds record, uint eventType, ReadOnlySpan<byte> eventData, LogicalRegister register, int number, int offset, out string? reason)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"record {number} (offset {offset})");
        if (eventType != (uint)TcgEventType.EventTag || !AaelTaggedEvent.Starts(eventData)
            || BinaryPrimitives.ReadUInt32LittleEndian(eventData[4..]) != (uint)(eventData.Length - AaelTaggedEvent.HeaderSize))
        {
            reason = $"{where}: an event record is an EV_EVENT_TAG holding one tagged event with the id \"AAEL\"";
            return null;
        }

        ReadOnlySpan<byte> line = eventData[AaelTaggedEvent.HeaderSize..];
        string text = Encoding.ASCII.GetString(line);
        if (line.IndexOfAnyExceptInRange((byte)' ', (byte)'~') >= 0 || text.Split(' ', 3) is not [{ Length: > 0 }, { Length: > 0 }, _])
        {
            reason = $"{where}: the tagged event is not a 'domain operation content' line of printable ASCII";
            return null;
        }

        if (!DigestsMatch(bytes, record, register, eventData, out reason))
        {
            reason = $"{where}: {reason}";
            return null;
        }

        reason = null;
        return new LogEntry(record.Length, text, eventData.ToArray(), null);
    }

    private static bool DigestsMatch(ReadOnlySpan<byte> bytes, CelRecordBounds record, LogicalRegister register, ReadOnlySpan<byte> measured, out string? reason)
    {
        reason = null;
        if (record.DigestCount != register.Banks.Count)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"it has {record.DigestCount} digests, but {register.Name} has {register.Banks.Count} banks");
            return false;
        }

        ReadOnlySpan<byte> digests = bytes.Slice(record.DigestsOffset, record.DigestsLength);
        for (int i = 0, at = 0; i < register.Banks.Count; i++)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(digests[(at + 1)..]);
            AgileDigest expected = AgileDigest.Compute(register.Hashes[i], measured);
            if (!TpmAlgorithms.TryFromMeasurementHash(register.Hashes[i], out TpmAlgorithm algorithm) || digests[at] != (byte)algorithm || !digests.Slice(at + TlvHeader, length).SequenceEqual(expected.Bytes))
            {
                reason = $"its digest {i} is not the {MeasurementHashInfo.KernelName(register.Hashes[i])} hash of its tagged event";
                return false;
            }

            at += TlvHeader + length;
        }

        return true;
    }

    // The four TLVs of a record (recnum, index, digests, content) are written in one write(2); a file that ends inside
    // one of them is a record a writer never finished.
    private static bool EndsEarly(ReadOnlySpan<byte> bytes, int offset)
    {
        int at = offset;
        for (int tlv = 0; tlv < 4; tlv++)
        {
            if (bytes.Length - at < TlvHeader)
            {
                return true;
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 1)..]);
            if (length > (uint)(bytes.Length - at - TlvHeader))
            {
                return true;
            }

            at += TlvHeader + (int)length;
        }

        return false;
    }

    private static bool TryIndex(LogicalRegister register, out CelIndexType type, out uint index)
    {
        if (register.PcrIndex >= 0)
        {
            (type, index) = (CelIndexType.Pcr, (uint)register.PcrIndex);
            return true;
        }

        // The schema gives a CC MR index (UEFI 2.10 §38.4.1) to TDX's RTMRs (1..4) and to nothing else extendable.
        if (register.CcMrIndex > 0)
        {
            (type, index) = (CelIndexType.CcMr, (uint)register.CcMrIndex);
            return true;
        }

        (type, index) = (CelIndexType.Pcr, 0);
        return false;
    }

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
