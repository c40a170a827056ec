using System.Buffers.Binary;

namespace Tsm.Runtime.Tests.Tpm;

/// <summary>Response bytes written by hand from TCG TPM 2.0 Library Part 3, for fake TPMs.</summary>
internal static class TpmResponses
{
    /// <summary>A bare success: <c>80 01 | 00 00 00 0A | 00 00 00 00</c>.</summary>
    public static byte[] Success() => Header(0x8001, 10, 0);

    /// <summary>A bare error with <paramref name="code"/>.</summary>
    public static byte[] Error(uint code) => Header(0x8001, 10, code);

    /// <summary>TPM2_GetCapability(TPM_CAP_PCRS) listing SHA-256 with PCRs 0-23 and SHA-512 with none (31 bytes).</summary>
    public static byte[] Sha256Allocated() =>
    [
        0x80, 0x01, 0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00, 0x00,
        0x00,                                   // moreData = NO
        0x00, 0x00, 0x00, 0x05,                 // TPM_CAP_PCRS
        0x00, 0x00, 0x00, 0x02,                 // two banks
        0x00, 0x0B, 0x03, 0xFF, 0xFF, 0xFF,     // sha256: PCRs 0-23
        0x00, 0x0D, 0x03, 0x00, 0x00, 0x00,     // sha512: none
    ];

    /// <summary>
    /// A TPM2_PCR_Read answer for the SHA-256 bank: <paramref name="counter"/>, the selection <paramref name="mask"/>, and
    /// for each selected PCR n a digest of 32 bytes of value n.
    /// </summary>
    public static byte[] Sha256PcrRead(uint counter, uint mask)
    {
        var response = new List<byte>(Header(0x8001, 0, 0));
        response.AddRange(BigEndian(counter));
        response.AddRange([0, 0, 0, 1, 0x00, 0x0B, 3, (byte)mask, (byte)(mask >> 8), (byte)(mask >> 16)]);
        response.AddRange(BigEndian((uint)System.Numerics.BitOperations.PopCount(mask)));
        for (int pcr = 0; pcr < 24; pcr++)
        {
            if ((mask & (1u << pcr)) != 0)
            {
                response.AddRange([0, 32, .. Enumerable.Repeat((byte)pcr, 32)]);
            }
        }

        byte[] bytes = [.. response];
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), (uint)bytes.Length);
        return bytes;
    }

    /// <summary>The PCR bitmap of a TPM2_PCR_Read command for one bank (after header, count, algorithm and size).</summary>
    public static uint RequestedPcrs(byte[] command) => command[17] | ((uint)command[18] << 8) | ((uint)command[19] << 16);

    private static byte[] BigEndian(uint value)
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] Header(ushort tag, uint size, uint code)
    {
        byte[] header = new byte[10];
        BinaryPrimitives.WriteUInt16BigEndian(header, tag);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(2), size);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(6), code);
        return header;
    }
}
