using System;

namespace Tsm;

/// <summary>
/// TPM2_GetRandom (Part 3 §16.1): <c>u16 bytesRequested</c> in, a TPM2B_DIGEST out. The TPM may return fewer bytes
/// than asked (at most its largest digest size), so callers ask again for the rest.
/// </summary>
internal static class TpmGetRandom
{
    public static int Write(Span<byte> buffer, ushort count)
    {
        var writer = new TpmCommandWriter(buffer, TpmLimits.NoSessionsTag, TpmCommand.GetRandom);
        writer.UInt16(count);
        return writer.Finish();
    }

    /// <returns>The number of bytes copied to <paramref name="destination"/>: 1 to <paramref name="requested"/>.</returns>
    public static int Parse(TpmResponseReader reader, int requested, Span<byte> destination)
    {
        int at = reader.Offset;
        ushort size = reader.UInt16("randomBytes.size");
        if (size == 0 || size > requested)
        {
            throw reader.Malformed(at, $"the TPM returned {size} random bytes for a request of {requested}");
        }

        reader.Bytes(size, "randomBytes").CopyTo(destination);
        reader.End();
        return size;
    }
}
