namespace Tsm.Runtime.Tests.Tpm;

/// <summary>
/// Command bytes compared with sequences written out by hand from TCG TPM 2.0 Library Part 3 and Linux <c>drivers/char/tpm/tpm2-cmd.c</c>:
/// big-endian header (tag, size, command code), handles, the password session, parameters.
/// </summary>
public sealed class TpmMarshallingTests
{
    private readonly byte[] _buffer = new byte[4096];

    [Fact]
    public void Pcr_read_of_pcr_23_in_the_sha256_bank()
    {
        int length = TpmPcrRead.Write(_buffer, TpmAlgorithms.Sha256, 1u << 23);

        Assert.Equal(Convert.FromHexString("8001" + "00000014" + "0000017E" + "00000001" + "000B" + "03" + "000080"), _buffer[..length]);
    }

    [Fact]
    public void Pcr_read_of_pcrs_0_to_7_and_16_in_the_sha1_bank()
    {
        int length = TpmPcrRead.Write(_buffer, TpmAlgorithms.Sha1, 0x0100FF);

        Assert.Equal(Convert.FromHexString("8001" + "00000014" + "0000017E" + "00000001" + "0004" + "03" + "FF0001"), _buffer[..length]);
    }

    [Fact]
    public void Pcr_extend_of_pcr_23_with_one_sha256_digest()
    {
        byte[] digest = Reference.Bytes(32, 1);

        int length = TpmPcrExtend.Write(_buffer, 23, [MeasurementHash.Sha256], digest);

        string expected = "8002" + "00000041" + "00000182" + "00000017"
            + "00000009" + "40000009" + "0000" + "00" + "0000"
            + "00000001" + "000B" + Convert.ToHexString(digest);
        Assert.Equal(Convert.FromHexString(expected), _buffer[..length]);
    }

    [Fact]
    public void Pcr_extend_of_pcr_16_with_a_sha1_and_a_sha384_digest_in_one_command()
    {
        byte[] sha1 = Reference.Bytes(20, 2);
        byte[] sha384 = Reference.Bytes(48, 3);

        int length = TpmPcrExtend.Write(_buffer, 16, [MeasurementHash.Sha1, MeasurementHash.Sha384], [.. sha1, .. sha384]);

        string expected = "8002" + "00000067" + "00000182" + "00000010"
            + "00000009" + "40000009" + "0000" + "00" + "0000"
            + "00000002" + "0004" + Convert.ToHexString(sha1) + "000C" + Convert.ToHexString(sha384);
        Assert.Equal(Convert.FromHexString(expected), _buffer[..length]);
    }

    [Fact]
    public void Get_capability_of_the_pcr_banks()
    {
        int length = TpmGetCapability.WritePcrs(_buffer);

        Assert.Equal(Convert.FromHexString("8001" + "00000016" + "0000017A" + "00000005" + "00000000" + "00000001"), _buffer[..length]);
    }

    [Fact]
    public void Pcr_reset_of_pcr_16()
    {
        int length = TpmPcrReset.Write(_buffer, 16);

        Assert.Equal(Convert.FromHexString("8002" + "0000001B" + "0000013D" + "00000010" + "00000009" + "40000009" + "0000" + "00" + "0000"), _buffer[..length]);
    }

    [Fact]
    public void Get_random_and_startup_clear()
    {
        int random = TpmGetRandom.Write(_buffer, 16);
        Assert.Equal(Convert.FromHexString("8001" + "0000000C" + "0000017B" + "0010"), _buffer[..random]);

        int startup = TpmStartup.Write(_buffer);
        Assert.Equal(Convert.FromHexString("8001" + "0000000C" + "00000144" + "0000"), _buffer[..startup]);
    }

    [Fact]
    public void Writing_commands_allocates_nothing()
    {
        byte[] digests = new byte[20 + 32 + 48];
        MeasurementHash[] banks = [MeasurementHash.Sha1, MeasurementHash.Sha256, MeasurementHash.Sha384];
        _ = TpmPcrExtend.Write(_buffer, 16, banks, digests);
        _ = TpmPcrRead.Write(_buffer, TpmAlgorithms.Sha256, 0xFF);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            _ = TpmPcrExtend.Write(_buffer, 16, banks, digests);
            _ = TpmPcrRead.Write(_buffer, TpmAlgorithms.Sha256, 0xFF);
            _ = TpmGetCapability.WritePcrs(_buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
