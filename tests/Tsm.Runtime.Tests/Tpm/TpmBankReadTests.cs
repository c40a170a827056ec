namespace Tsm.Runtime.Tests.Tpm;

using Tpm = Tsm.Vendors.Tpm;

/// <summary>
/// One TPM2_PCR_Read of one PCR in several banks (what <see cref="LogicalRegister.Read"/> sends on a TPM): parsed field
/// by field against the request, with byte offsets, and checked against tpm2_pcrread on a real swtpm.
/// </summary>
public sealed class TpmBankReadTests(SwtpmFixture swtpm) : IClassFixture<SwtpmFixture>
{
    private const string Location = "test";
    private static readonly ushort[] Banks = [TpmAlgorithms.Sha1, TpmAlgorithms.Sha256];
    private static readonly int[] Sizes = [20, 32];

    // PCR_Read answer for PCR 23 in sha1 and sha256: counter 9, two selections, two digests.
    private static readonly byte[] BothBanks = Convert.FromHexString(
        "8001" + "0000005A" + "00000000" + "00000009" + "00000002" + "0004" + "03" + "000080" + "000B" + "03" + "000080"
        + "00000002" + "0014" + new string('A', 40) + "0020" + new string('B', 64));

    [Fact]
    public void Both_banks_come_back_one_after_another_in_the_order_asked()
    {
        byte[] values = new byte[52];

        bool complete = TpmPcrRead.ParseBanks(TpmResponse.Check(BothBanks, TpmCommand.PcrRead, Location), Banks, Sizes, 23, values);

        Assert.True(complete);
        Assert.All(values[..20], b => Assert.Equal(0xAA, b));
        Assert.All(values[20..], b => Assert.Equal(0xBB, b));
    }

    [Fact]
    public void A_selection_in_another_order_is_a_protocol_error_at_its_offset()
    {
        var error = Assert.Throws<TpmProtocolException>(() =>
            TpmPcrRead.ParseBanks(TpmResponse.Check(BothBanks, TpmCommand.PcrRead, Location), [TpmAlgorithms.Sha256, TpmAlgorithms.Sha1], [32, 20], 23, new byte[52]));

        Assert.Equal(18, error.Offset);
    }

    [Fact]
    public void A_digest_of_the_wrong_size_for_its_bank_is_a_protocol_error()
    {
        var error = Assert.Throws<TpmProtocolException>(() =>
            TpmPcrRead.ParseBanks(TpmResponse.Check(BothBanks, TpmCommand.PcrRead, Location), Banks, [32, 32], 23, new byte[64]));

        Assert.Contains("bank 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_PCR_than_asked_is_a_protocol_error()
    {
        Assert.Throws<TpmProtocolException>(() =>
            TpmPcrRead.ParseBanks(TpmResponse.Check(BothBanks, TpmCommand.PcrRead, Location), Banks, Sizes, 22, new byte[52]));
    }

    [Fact]
    public void Every_truncation_of_the_answer_is_a_protocol_error_never_an_index_error()
    {
        for (int length = 10; length < BothBanks.Length; length++)
        {
            byte[] cut = BothBanks[..length];
            cut[5] = (byte)length;
            Assert.Throws<TpmProtocolException>(() => TpmPcrRead.ParseBanks(TpmResponse.Check(cut, TpmCommand.PcrRead, Location), Banks, Sizes, 23, new byte[52]));
        }
    }

    [SwtpmFact]
    public void A_logical_register_reads_every_bank_of_PCR_23_in_one_command_as_tpm2_pcrread_sees_them()
    {
        swtpm.Tool("tpm2_pcrextend", "23:sha256=" + new string('1', 64));
        using MeasurementSession session = TsmBackend.Tpm(swtpm.Uri).Open(Tpm.Definition);
        var pcr23 = new LogicalRegister(session, MeasurementRole.Application);

        AgileDigest[] values = pcr23.Read();

        Assert.Equal([MeasurementHash.Sha1, MeasurementHash.Sha256, MeasurementHash.Sha384], values.Select(v => v.Algorithm));
        Assert.Equal(swtpm.PcrRead("sha1", 23), values[0].Bytes.ToArray());
        Assert.Equal(swtpm.PcrRead("sha256", 23), values[1].Bytes.ToArray());
        Assert.Equal(swtpm.PcrRead("sha384", 23), values[2].Bytes.ToArray());
    }
}
