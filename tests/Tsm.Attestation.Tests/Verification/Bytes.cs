namespace Tsm.Attestation.Tests.Verification;

/// <summary>Copies of sample bytes with one change, so each test alters its own buffer.</summary>
internal static class Bytes
{
    public static byte[] WithBitFlipped(byte[] data, int offset, int bit = 0)
    {
        byte[] copy = (byte[])data.Clone();
        copy[offset] ^= (byte)(1 << bit);
        return copy;
    }
}
