using System;

namespace Tsm.Attestation.Verification;

/// <summary>
/// The SEV-SNP SIGNATURE field (512 bytes): for ECDSA P-384, R at 0x00 and S at 0x48, each a 72-byte little-endian integer,
/// and zeros after 0x90. .NET wants r ‖ s as two 48-byte big-endian integers (IEEE P1363).
/// </summary>
internal static class SnpSignature
{
    /// <summary>The size of one P-384 scalar.</summary>
    public const int ScalarSize = 48;

    private const int ComponentSize = 72;

    /// <summary>
    /// Converts the SIGNATURE field to P1363 form in <paramref name="p1363"/> (96 bytes). Fails when R or S does not fit in 48
    /// bytes (its high 24 bytes are not zero) or when the bytes after S are not zero.
    /// </summary>
    public static bool TryToP1363(ReadOnlySpan<byte> field, Span<byte> p1363, out string? error)
    {
        error = null;
        if (field.Length < 2 * ComponentSize || p1363.Length != 2 * ScalarSize)
        {
            error = $"the signature field is {field.Length} bytes, too short for R and S";
            return false;
        }

        ReadOnlySpan<byte> r = field[..ComponentSize];
        ReadOnlySpan<byte> s = field.Slice(ComponentSize, ComponentSize);
        if (r[ScalarSize..].IndexOfAnyExcept((byte)0) >= 0)
        {
            error = "R has non-zero bytes above its low 48 (SIGNATURE bytes 0x30..0x47), so it is not a P-384 scalar";
            return false;
        }

        if (s[ScalarSize..].IndexOfAnyExcept((byte)0) >= 0)
        {
            error = "S has non-zero bytes above its low 48 (SIGNATURE bytes 0x78..0x8F), so it is not a P-384 scalar";
            return false;
        }

        int nonZero = field[(2 * ComponentSize)..].IndexOfAnyExcept((byte)0);
        if (nonZero >= 0)
        {
            error = $"SIGNATURE byte 0x{2 * ComponentSize + nonZero:X} is not zero (everything after R and S must be)";
            return false;
        }

        ReverseInto(r[..ScalarSize], p1363[..ScalarSize]);
        ReverseInto(s[..ScalarSize], p1363[ScalarSize..]);
        return true;
    }

    private static void ReverseInto(ReadOnlySpan<byte> littleEndian, Span<byte> bigEndian)
    {
        littleEndian.CopyTo(bigEndian);
        bigEndian.Reverse();
    }
}
