using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Verification;

/// <summary>The SEV-SNP SIGNATURE field's little-endian R and S become the big-endian r || s .NET verifies.</summary>
public sealed class SnpSignatureTests
{
    [Fact]
    public void R_and_s_are_byte_reversed_into_48_byte_big_endian_halves()
    {
        byte[] field = new byte[512];
        for (int i = 0; i < 48; i++)
        {
            field[i] = (byte)(i + 1);
            field[0x48 + i] = (byte)(0x80 + i);
        }

        byte[] p1363 = new byte[96];
        Assert.True(SnpSignature.TryToP1363(field, p1363, out string? error), error);

        Assert.Equal(48, p1363[0]);
        Assert.Equal(1, p1363[47]);
        Assert.Equal(0x80 + 47, p1363[48]);
        Assert.Equal(0x80, p1363[95]);
    }

    [Theory]
    [InlineData(0x30, "R has non-zero bytes")]
    [InlineData(0x47, "R has non-zero bytes")]
    [InlineData(0x78, "S has non-zero bytes")]
    [InlineData(0x8F, "S has non-zero bytes")]
    [InlineData(0x90, "SIGNATURE byte 0x90 is not zero")]
    [InlineData(0x1FF, "SIGNATURE byte 0x1FF is not zero")]
    public void A_non_zero_byte_where_zeros_must_be_is_rejected_with_its_place(int offset, string expected)
    {
        byte[] field = new byte[512];
        field[offset] = 1;

        Assert.False(SnpSignature.TryToP1363(field, new byte[96], out string? error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void The_highest_byte_of_each_48_byte_scalar_may_be_non_zero()
    {
        byte[] field = new byte[512];
        field[0x2F] = 0xFF;
        field[0x48 + 0x2F] = 0xFF;

        Assert.True(SnpSignature.TryToP1363(field, new byte[96], out _));
    }
}
