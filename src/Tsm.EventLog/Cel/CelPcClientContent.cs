using System;
using System.Buffers.Binary;

namespace Tsm.EventLog.Cel;

/// <summary>The content of a pcclient_std record: sub-TLVs 0 event_type (big-endian integer) and 1 event_data (TCG CEL spec, pcclient_std content).</summary>
internal static class CelPcClientContent
{
    public static bool TryRead(ReadOnlySpan<byte> content, out uint eventType, out ReadOnlySpan<byte> eventData)
    {
        eventType = 0;
        eventData = default;
        if (!TrySub(content, 0, out ReadOnlySpan<byte> type, out int next) || type.Length is 0 or > 4 || !TrySub(content[next..], 1, out eventData, out int end) || next + end != content.Length)
        {
            return false;
        }

        foreach (byte b in type)
        {
            eventType = (eventType << 8) | b;
        }

        return true;
    }

    private static bool TrySub(ReadOnlySpan<byte> tlvs, byte expected, out ReadOnlySpan<byte> value, out int end)
    {
        value = default;
        end = 0;
        if (tlvs.Length < 5 || tlvs[0] != expected)
        {
            return false;
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(tlvs[1..]);
        if (length > (uint)(tlvs.Length - 5))
        {
            return false;
        }

        value = tlvs.Slice(5, (int)length);
        end = 5 + (int)length;
        return true;
    }
}
