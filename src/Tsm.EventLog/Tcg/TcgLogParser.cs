using System;
using System.Buffers.Binary;

namespace Tsm.EventLog.Tcg;

/// <summary>
/// Walks and checks a TCG PC Client log. Every size field is checked against the bytes left before it is used, so a
/// corrupted size can neither read past the input nor make anything allocate; nothing here allocates except on failure.
/// </summary>
internal static class TcgLogParser
{
    /// <summary>The SHA-1 digest of a TCG_PCR_EVENT.</summary>
    public const int Sha1Size = 20;

    /// <summary>The largest digest a TPMT_HA holds (TPMU_HA is sized for SHA-512).</summary>
    public const int MaxDigestSize = 64;

    /// <summary>TCG_PCR_EVENT before its data: pcrIndex, eventType, digest[20], eventSize.</summary>
    private const int Sha1HeaderSize = 4 + 4 + Sha1Size + 4;

    /// <summary>TCG_PCR_EVENT2 up to its digests: pcrIndex, eventType, TPML_DIGEST_VALUES.count.</summary>
    private const int AgileHeaderSize = 12;

    public static bool TryParse(ReadOnlySpan<byte> log, out TcgLogLayout layout, out int errorOffset, out string? reason)
    {
        layout = default;
        var probe = new TcgLogLayout(false, 0, 0, log.Length, 0);
        if (!TryReadEvent(log, 0, probe, out TcgEventBounds first, out errorOffset, out reason))
        {
            return false;
        }

        ReadOnlySpan<byte> firstData = log.Slice(first.DataOffset, first.DataLength);
        bool agile = first.Type == (uint)TcgEventType.NoAction && firstData.StartsWith(SpecIdEvent.Signature);
        var current = new TcgLogLayout(agile, 0, 0, 0, 0);
        if (agile && !TryReadSpecId(log, first, out current, out errorOffset, out reason))
        {
            return false;
        }

        int offset = first.Offset + first.Length;
        int count = 1;
        while (offset < log.Length && !IsPadding(log[offset..]))
        {
            if (!TryReadEvent(log, offset, current, out TcgEventBounds next, out errorOffset, out reason))
            {
                return false;
            }

            offset += next.Length;
            count++;
        }

        layout = current with { Length = offset, Count = count };
        return true;
    }

    /// <summary>
    /// Whether the rest of the input is fill: all 0x00 (TPM logs, td-shim's CCEL) or all 0xFF (OVMF's CCEL, whose log
    /// area is pre-filled with 0xFF). A log area holds LAML bytes; the events stop well before its end.
    /// </summary>
    public static bool IsPadding(ReadOnlySpan<byte> rest) =>
        rest.IndexOfAnyExcept((byte)0x00) < 0 || rest.IndexOfAnyExcept((byte)0xFF) < 0;

    public static bool TryReadEvent(ReadOnlySpan<byte> log, int offset, in TcgLogLayout layout, out TcgEventBounds bounds, out int errorOffset, out string? reason)
    {
        bounds = default;
        int left = log.Length - offset;
        bool sha1 = !layout.CryptoAgile || offset == 0;
        if (sha1)
        {
            if (left < Sha1HeaderSize)
            {
                return Fail(offset, EventLogErrors.Truncated("a TCG_PCR_EVENT header", Sha1HeaderSize, left), out errorOffset, out reason);
            }

            uint size = BinaryPrimitives.ReadUInt32LittleEndian(log[(offset + 28)..]);
            if (size > (uint)(left - Sha1HeaderSize))
            {
                return Fail(offset + 28, EventLogErrors.SizeTooLarge("eventSize", size, left - Sha1HeaderSize), out errorOffset, out reason);
            }

            bounds = new TcgEventBounds(
                offset, Sha1HeaderSize + (int)size, Index(log, offset), Type(log, offset), offset + 8, Sha1Size, 1, offset + Sha1HeaderSize, (int)size, true);
            errorOffset = 0;
            reason = null;
            return true;
        }

        if (left < AgileHeaderSize)
        {
            return Fail(offset, EventLogErrors.Truncated("a TCG_PCR_EVENT2 header", AgileHeaderSize, left), out errorOffset, out reason);
        }

        uint count = BinaryPrimitives.ReadUInt32LittleEndian(log[(offset + 8)..]);
        int at = offset + AgileHeaderSize;

        // Each TPMT_HA takes at least 3 bytes (u16 algorithm and a digest of at least one byte), so a count the bytes
        // left cannot hold is rejected before the loop runs: a corrupted count never drives a long loop.
        if (count > (uint)((log.Length - at) / 3))
        {
            return Fail(offset + 8, EventLogErrors.SizeTooLarge("digest count", count, log.Length - at), out errorOffset, out reason);
        }

        ReadOnlySpan<byte> algorithms = log.Slice(layout.AlgorithmsOffset, layout.AlgorithmsLength);
        for (uint i = 0; i < count; i++)
        {
            if (log.Length - at < 2)
            {
                return Fail(at, EventLogErrors.Truncated("a digest's algorithm", 2, log.Length - at), out errorOffset, out reason);
            }

            ushort algorithm = BinaryPrimitives.ReadUInt16LittleEndian(log[at..]);
            int size = SpecIdAlgorithmList.DigestSizeOf(algorithms, algorithm);
            if (size < 0)
            {
                return Fail(at, TcgErrors.UnknownAlgorithm(algorithm), out errorOffset, out reason);
            }

            if (log.Length - at - 2 < size)
            {
                return Fail(at + 2, EventLogErrors.Truncated("a digest", size, log.Length - at - 2), out errorOffset, out reason);
            }

            at += 2 + size;
        }

        if (log.Length - at < 4)
        {
            return Fail(at, EventLogErrors.Truncated("eventSize", 4, log.Length - at), out errorOffset, out reason);
        }

        uint dataSize = BinaryPrimitives.ReadUInt32LittleEndian(log[at..]);
        if (dataSize > (uint)(log.Length - at - 4))
        {
            return Fail(at, EventLogErrors.SizeTooLarge("eventSize", dataSize, log.Length - at - 4), out errorOffset, out reason);
        }

        int digestsOffset = offset + AgileHeaderSize;
        bounds = new TcgEventBounds(
            offset, at + 4 + (int)dataSize - offset, Index(log, offset), Type(log, offset), digestsOffset, at - digestsOffset, (int)count, at + 4, (int)dataSize, false);
        errorOffset = 0;
        reason = null;
        return true;
    }

    private static bool TryReadSpecId(ReadOnlySpan<byte> log, in TcgEventBounds header, out TcgLogLayout layout, out int errorOffset, out string? reason)
    {
        layout = default;
        ReadOnlySpan<byte> data = log.Slice(header.DataOffset, header.DataLength);
        int dataOffset = header.DataOffset;
        if (data.Length < SpecIdEvent.FixedSize + 1)
        {
            return Fail(dataOffset, EventLogErrors.Truncated("the Spec ID event", SpecIdEvent.FixedSize + 1, data.Length), out errorOffset, out reason);
        }

        uint algorithmCount = BinaryPrimitives.ReadUInt32LittleEndian(data[24..]);
        if (algorithmCount == 0 || algorithmCount > (uint)((data.Length - SpecIdEvent.FixedSize - 1) / 4))
        {
            return Fail(dataOffset + 24, EventLogErrors.Unexpected("numberOfAlgorithms", algorithmCount, "at least 1, and 4 bytes each within the Spec ID event"), out errorOffset, out reason);
        }

        int tableLength = 4 * (int)algorithmCount;
        ReadOnlySpan<byte> table = data.Slice(SpecIdEvent.FixedSize, tableLength);
        for (int at = 0; at < tableLength; at += 4)
        {
            var algorithm = (TpmAlgorithm)BinaryPrimitives.ReadUInt16LittleEndian(table[at..]);
            ushort size = BinaryPrimitives.ReadUInt16LittleEndian(table[(at + 2)..]);
            int known = algorithm.KnownDigestSize();
            int entryOffset = dataOffset + SpecIdEvent.FixedSize + at;
            if (size is 0 or > MaxDigestSize || (known != 0 && known != size))
            {
                return Fail(entryOffset + 2, TcgErrors.BadDigestSize((ushort)algorithm, size, known), out errorOffset, out reason);
            }

            if (SpecIdAlgorithmList.DigestSizeOf(table[..at], (ushort)algorithm) >= 0)
            {
                return Fail(entryOffset, TcgErrors.DuplicateAlgorithm((ushort)algorithm), out errorOffset, out reason);
            }
        }

        int vendorSize = data[SpecIdEvent.FixedSize + tableLength];
        int expected = SpecIdEvent.FixedSize + tableLength + 1 + vendorSize;
        if (expected != data.Length)
        {
            return Fail(dataOffset + SpecIdEvent.FixedSize + tableLength, EventLogErrors.Unexpected("the Spec ID event size", data.Length, $"{expected} from its algorithm count and vendorInfoSize"), out errorOffset, out reason);
        }

        layout = new TcgLogLayout(true, dataOffset + SpecIdEvent.FixedSize, tableLength, 0, 0);
        errorOffset = 0;
        reason = null;
        return true;
    }

    private static uint Index(ReadOnlySpan<byte> log, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(log[offset..]);

    private static uint Type(ReadOnlySpan<byte> log, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(log[(offset + 4)..]);

    private static bool Fail(int offset, string message, out int errorOffset, out string? reason)
    {
        errorOffset = offset;
        reason = message;
        return false;
    }
}
