namespace Tsm.Runtime.Tests.Tpm;

/// <summary>Responses parsed field by field: what the TPM returned is checked against what was asked, with byte offsets.</summary>
public sealed class TpmResponseParsingTests
{
    private const string Location = "test";

    // PCR_Read answer for sha1 PCRs 1 and 9 when the TPM returned only PCR 1 (header, counter 7, selection, one digest).
    private static readonly byte[] OnlyPcr1 = Convert.FromHexString(
        "8001" + "00000032" + "00000000" + "00000007" + "00000001" + "0004" + "03" + "020000" + "00000001" + "0014" + new string('A', 40));

    [Fact]
    public void A_pcr_read_answer_may_hold_fewer_pcrs_than_asked_and_says_which()
    {
        byte[] values = new byte[24 * 20];

        uint returned = TpmPcrRead.Parse(TpmResponse.Check(OnlyPcr1, TpmCommand.PcrRead, Location), TpmAlgorithms.Sha1, 0x0202, 20, values, out uint counter);

        Assert.Equal(0x0002u, returned);
        Assert.Equal(7u, counter);
        Assert.All(values.AsSpan(20, 20).ToArray(), b => Assert.Equal(0xAA, b));
    }

    [Fact]
    public void Pcrs_that_were_not_asked_for_are_a_protocol_error()
    {
        var error = Assert.Throws<TpmProtocolException>(() =>
            TpmPcrRead.Parse(TpmResponse.Check(OnlyPcr1, TpmCommand.PcrRead, Location), TpmAlgorithms.Sha1, 0x0200, 20, new byte[480], out _));

        Assert.Equal(21, error.Offset);
        Assert.Contains("PCRs that were not requested", error.Message);
    }

    [Fact]
    public void A_selection_of_another_bank_is_a_protocol_error()
    {
        var error = Assert.Throws<TpmProtocolException>(() =>
            TpmPcrRead.Parse(TpmResponse.Check(OnlyPcr1, TpmCommand.PcrRead, Location), TpmAlgorithms.Sha256, 0x0202, 32, new byte[768], out _));

        Assert.Equal(18, error.Offset);
    }

    [Fact]
    public void A_header_size_that_disagrees_with_the_bytes_received_is_a_protocol_error()
    {
        var error = Assert.Throws<TpmProtocolException>(() => TpmResponse.Check(OnlyPcr1[..^1], TpmCommand.PcrRead, Location));

        Assert.Equal(2, error.Offset);
        Assert.Contains("says 50 bytes but 49 arrived", error.Message);
    }

    [Fact]
    public void Trailing_bytes_after_the_last_field_are_a_protocol_error()
    {
        byte[] longer = [.. OnlyPcr1, 0];
        longer[5] = 0x33;

        var error = Assert.Throws<TpmProtocolException>(() =>
            TpmPcrRead.Parse(TpmResponse.Check(longer, TpmCommand.PcrRead, Location), TpmAlgorithms.Sha1, 0x0202, 20, new byte[480], out _));

        Assert.Equal(50, error.Offset);
        Assert.Contains("1 bytes follow the last field", error.Message);
    }

    [Fact]
    public void The_allocated_banks_are_those_with_pcrs_selected()
    {
        MeasurementHash[] banks = TpmGetCapability.ParsePcrs(TpmResponse.Check(TpmResponses.Sha256Allocated(), TpmCommand.GetCapability, Location));

        Assert.Equal([MeasurementHash.Sha256], banks);
    }

    [Fact]
    public void A_session_response_bounds_its_parameters_by_parameter_size()
    {
        // PCR_Extend answer: parameterSize 0, then the auth area (nonce 0, attributes 1, hmac 0).
        byte[] extend = Convert.FromHexString("8002" + "00000013" + "00000000" + "00000000" + "0000" + "01" + "0000");

        TpmResponseReader reader = TpmResponse.Check(extend, TpmCommand.PcrExtend, Location);

        reader.End();
        Assert.Equal(14, reader.Offset);
    }
}
