namespace Tsm.Runtime.Tests.Tpm;

/// <summary>Response codes decoded as TCG TPM 2.0 Library Part 2 §6.6 lays them out (format 0, format 1, warnings).</summary>
public sealed class TpmResponseCodeTests
{
    [Theory]
    [InlineData(0x000u, "TPM_RC_SUCCESS", 0, 0, 0, false)]
    [InlineData(0x100u, "TPM_RC_INITIALIZE", 0, 0, 0, false)]
    [InlineData(0x143u, "TPM_RC_COMMAND_CODE", 0, 0, 0, false)]
    [InlineData(0x907u, "TPM_RC_LOCALITY", 0, 0, 0, true)]
    [InlineData(0x922u, "TPM_RC_RETRY", 0, 0, 0, true)]
    [InlineData(0x1C4u, "TPM_RC_VALUE", 1, 0, 0, false)]
    [InlineData(0x2C3u, "TPM_RC_HASH", 2, 0, 0, false)]
    [InlineData(0x18Bu, "TPM_RC_HANDLE", 0, 1, 0, false)]
    [InlineData(0x98Eu, "TPM_RC_AUTH_FAIL", 0, 0, 1, false)]
    [InlineData(0x084u, "TPM_RC_VALUE", 0, 0, 0, false)]
    public void A_code_decodes_to_its_name_and_what_it_is_about(uint value, string name, int parameter, int handle, int session, bool warning)
    {
        var code = new TpmResponseCode(value);

        Assert.Equal(name, code.Name);
        Assert.Equal(parameter, code.ParameterNumber);
        Assert.Equal(handle, code.HandleNumber);
        Assert.Equal(session, code.SessionNumber);
        Assert.Equal(warning, code.IsWarning);
    }

    [Fact]
    public void The_text_form_names_the_parameter()
    {
        Assert.Equal("TPM_RC_VALUE (0x1C4), parameter 1", new TpmResponseCode(0x1C4).ToString());
        Assert.Equal("TPM_RC_HANDLE (0x18B), handle 1", new TpmResponseCode(0x18B).ToString());
    }

    [Fact]
    public void Tpm12_and_vendor_codes_are_not_mistaken_for_tpm2_ones()
    {
        Assert.Equal("TPM 1.2 response code 30", new TpmResponseCode(30).Name);
        Assert.Equal("a vendor-defined response code", new TpmResponseCode(0x501).Name);
    }
}
