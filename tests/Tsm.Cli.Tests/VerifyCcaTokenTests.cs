using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// <c>tsm verify</c> on Arm CCA tokens: the realm signature and the RAK binding always, the platform signature with
/// <c>--iak</c> (PEM or JWK); without it the platform signature is not checked, so the token is not verified (exit 1).
/// </summary>
public sealed class VerifyCcaTokenTests
{
    private const string VeraisonToken = "cca/veraison_ccatoken_testGoodCCAToken.cbor";

    /// <summary>The public part of veraison/ccatoken's testIAK (test_common.go), the key its synthetic tokens are signed with.</summary>
    private const string VeraisonTestIakJwk = """{"kty": "EC", "crv": "P-256", "x": "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4", "y": "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"}""";

    [SampleDataFact]
    public void Without_an_iak_the_realm_checks_pass_the_platform_signature_is_not_checked_and_the_exit_code_is_1()
    {
        CliResult result = TsmCli.Run("verify", SampleData.PathOf(VeraisonToken));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string output = result.Stdout.ReplaceLineEndings("\n");
        Assert.StartsWith("veraison_ccatoken_testGoodCCAToken.cbor: CCA token (tag 907): NOT verified (3 of 4 checks passed)", output);
        Assert.Matches(@"\npass +realm-signature +", output);
        Assert.Matches(@"\npass +realm-key-binding +", output);
        Assert.Matches(@"\nnot checked +platform-signature +not checked: no platform attestation key", output);
    }

    [SampleDataFact]
    public void With_the_projects_test_iak_as_a_jwk_the_token_verifies_with_exit_code_0()
    {
        using TempFile iak = new(System.Text.Encoding.ASCII.GetBytes(VeraisonTestIakJwk), ".jwk");

        CliResult result = TsmCli.Run("verify", SampleData.PathOf(VeraisonToken), "--iak", iak.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("verified (4 of 4 checks passed)", result.Stdout);
    }

    [SampleDataFact]
    public void A_token_signed_by_another_platform_key_fails_the_platform_signature_with_exit_code_1()
    {
        using TempFile iak = new(System.Text.Encoding.ASCII.GetBytes(VeraisonTestIakJwk), ".jwk");

        CliResult result = TsmCli.Run("verify", SampleData.PathOf("cca/trustee_cca-example-token.cbor"), "--iak", iak.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"\nFAIL +platform-signature +", result.Stdout.ReplaceLineEndings("\n"));
    }

    [SampleDataFact]
    public void An_iak_file_that_holds_no_key_is_bad_input_with_exit_code_2()
    {
        using TempFile iak = new("not a key"u8, ".pem");

        CliResult result = TsmCli.Run("verify", SampleData.PathOf(VeraisonToken), "--iak", iak.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tsm: {iak.Path}: not an EC public key in PEM (-----BEGIN PUBLIC KEY-----) or JWK", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void Iak_on_a_td_quote_is_bad_input_with_exit_code_2()
    {
        using TempFile iak = new(System.Text.Encoding.ASCII.GetBytes(VeraisonTestIakJwk), ".jwk");

        CliResult result = TsmCli.Run("verify", SampleData.PathOf("tdx/gotdx_quote_v4_SPR_E4.dat"), "--iak", iak.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("tsm: --iak is for Arm CCA tokens", Assert.Single(result.StderrLines));
    }
}
