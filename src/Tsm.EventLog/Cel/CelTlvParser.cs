using System;
using System.Buffers.Binary;
using System.Globalization;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Cel;

/// <summary>
/// Walks and checks CEL TLV records: each TLV is u8 type, u32 big-endian length, value (TCG CEL spec, libcel
/// <c>cel_types.h</c>). A record is recnum (type 0), an index (pcr 1, nv_index 2 or CCMR 108), digests (type 3, nested
/// TLVs whose type is the TPM_ALG_ID's low byte) and one content TLV whose type is the content type. Every length is
/// checked against the bytes left before use.
/// </summary>
internal static class CelTlvParser
{
    public const string FormatName = "cel-tlv";

    private const int TlvHeader = 5;

    public static bool TryParse(ReadOnlySpan<byte> log, out int count, out int errorOffset, out string? reason)
    {
        count = 0;
        int offset = 0;
        while (offset < log.Length)
        {
            if (!TryReadRecord(log, offset, out CelRecordBounds record, out errorOffset, out reason))
            {
                return false;
            }

            offset += record.Length;
            count++;
        }

        errorOffset = 0;
        reason = null;
        return true;
    }

    public static bool TryReadRecord(ReadOnlySpan<byte> log, int offset, out CelRecordBounds record, out int errorOffset, out string? reason)
    {
        record = default;
        int at = offset;
        if (!TryTlv(log, at, "recnum", out byte type, out int value, out int length, out errorOffset, out reason))
        {
            return false;
        }

        // go-tpm-tools writes an 8-byte recnum and libcel the minimal big-endian integer: both are accepted.
        if (type != 0 || length is 0 or > 8)
        {
            return Fail(at, string.Create(CultureInfo.InvariantCulture, $"expected a recnum TLV (type 0, 1..8 bytes), found type {type} of {length} bytes"), out errorOffset, out reason);
        }

        ulong number = BigEndian(log.Slice(value, length));
        at = value + length;
        if (!TryTlv(log, at, "index", out type, out value, out length, out errorOffset, out reason))
        {
            return false;
        }

        if (type is not ((byte)CelIndexType.Pcr or (byte)CelIndexType.NvIndex or (byte)CelIndexType.CcMr) || length is 0 or > 4)
        {
            return Fail(at, string.Create(CultureInfo.InvariantCulture, $"expected a pcr (1), nv_index (2) or CCMR (108) TLV of 1..4 bytes, found type {type} of {length} bytes"), out errorOffset, out reason);
        }

        var indexType = (CelIndexType)type;
        uint index = (uint)BigEndian(log.Slice(value, length));
        at = value + length;
        if (!TryTlv(log, at, "digests", out type, out int digests, out int digestsLength, out errorOffset, out reason))
        {
            return false;
        }

        if (type != 3)
        {
            return Fail(at, EventLogErrors.Unexpected("the digests TLV type", type, "3"), out errorOffset, out reason);
        }

        int digestCount = 0;
        for (int d = digests; d < digests + digestsLength;)
        {
            ReadOnlySpan<byte> inner = log[..(digests + digestsLength)];
            if (!TryTlv(inner, d, "a digest", out byte algorithm, out int digestValue, out int digestLength, out errorOffset, out reason))
            {
                return false;
            }

            int size = ((TpmAlgorithm)algorithm).KnownDigestSize();
            if (size == 0 || size != digestLength)
            {
                return Fail(d, size == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"digest algorithm 0x{algorithm:x2} is not a known hash")
                    : string.Create(CultureInfo.InvariantCulture, $"a 0x{algorithm:x2} digest is {size} bytes, not {digestLength}"), out errorOffset, out reason);
            }

            d = digestValue + digestLength;
            digestCount++;
        }

        if (digestCount == 0)
        {
            return Fail(at, "the digests TLV holds no digest", out errorOffset, out reason);
        }

        at = digests + digestsLength;
        int contentTlv = at;
        if (!TryTlv(log, at, "content", out byte contentType, out int content, out int contentLength, out errorOffset, out reason))
        {
            return false;
        }

        if (contentType < 4)
        {
            return Fail(at, EventLogErrors.Unexpected("the content type", contentType, "a content type (4 or more)"), out errorOffset, out reason);
        }

        record = new CelRecordBounds(offset, content + contentLength - offset, number, indexType, index, digests, digestsLength, digestCount, contentType, contentTlv, content, contentLength);
        return true;
    }

    private static bool TryTlv(ReadOnlySpan<byte> log, int at, string what, out byte type, out int value, out int length, out int errorOffset, out string? reason)
    {
        type = 0;
        value = 0;
        length = 0;
        if (log.Length - at < TlvHeader)
        {
            return Fail(at, EventLogErrors.Truncated($"the {what} TLV header", TlvHeader, log.Length - at), out errorOffset, out reason);
        }

        uint size = BinaryPrimitives.ReadUInt32BigEndian(log[(at + 1)..]);
        if (size > (uint)(log.Length - at - TlvHeader))
        {
            return Fail(at + 1, EventLogErrors.SizeTooLarge($"the {what} TLV length", size, log.Length - at - TlvHeader), out errorOffset, out reason);
        }

        type = log[at];
        value = at + TlvHeader;
        length = (int)size;
        errorOffset = 0;
        reason = null;
        return true;
    }

    private static ulong BigEndian(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (byte b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private static bool Fail(int offset, string message, out int errorOffset, out string? reason)
    {
        errorOffset = offset;
        reason = message;
        return false;
    }
}
