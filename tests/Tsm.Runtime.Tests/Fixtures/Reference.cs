using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>Expected values computed independently of the library, with <see cref="IncrementalHash"/>.</summary>
public static class Reference
{
    /// <summary>One extend as the kernel and the TDX module define it: H(old || data).</summary>
    public static byte[] Extend(HashAlgorithmName hash, byte[] old, byte[] data)
    {
        using var h = IncrementalHash.CreateHash(hash);
        h.AppendData(old);
        h.AppendData(data);
        return h.GetHashAndReset();
    }

    public static byte[] Hash(HashAlgorithmName hash, params byte[][] parts)
    {
        using var h = IncrementalHash.CreateHash(hash);
        foreach (byte[] part in parts)
        {
            h.AppendData(part);
        }

        return h.GetHashAndReset();
    }

    /// <summary>Deterministic bytes that differ per seed, so tests do not depend on a random generator.</summary>
    public static byte[] Bytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) + (seed * 17) + 1);
        }

        return bytes;
    }
}
