using System.Text;
using System.Text.Json;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary><c>tsm verify</c>: exit code 0 when every check passes, 1 when one fails, 2 when the input is unusable.</summary>
public sealed class VerifyTests
{
    private const string SprE4 = "tdx/gotdx_quote_v4_SPR_E4.dat";

    /// <summary>SHA-256 of the Intel SGX Root CA of the pre-production (sandbox) PCS, which signed ccapi_quote_v4.bin's PCK chain.</summary>
    private const string SandboxRootFingerprint = "E3F49E858865D54DDE1D2F778817A355C470133165DDCE1E488BEC66F8F9ECF3";

    [SampleDataFact]
    public void A_good_quote_verifies_with_every_check_passing_and_exit_code_0()
    {
        CliResult result = TsmCli.Run("verify", SampleData.PathOf(SprE4));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        string[] lines = result.Stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal("gotdx_quote_v4_SPR_E4.dat: TD quote v4: verified (5 of 5 checks passed)", lines[0]);
        Assert.Equal(["parse", "quote-signature", "qe-report-binding", "qe-report-signature", "pck-certificate-chain"], lines[1..].Select(CheckName));
        Assert.All(lines[1..], line => Assert.StartsWith("pass ", line));
    }

    [SampleDataFact]
    public void A_quote_with_one_flipped_bit_in_its_MRTD_fails_the_quote_signature_with_exit_code_1()
    {
        byte[] quote = SampleData.Read(SprE4);
        int mrtd = quote.AsSpan().IndexOf(Convert.FromHexString("6363b8043668a3ad953278e10389574d326c6749fb78aa810ecd9336923db86f22fc00b8dcd404bc10d5e119d7215cbb"));
        quote[mrtd + 5] ^= 0x01;
        using TempFile flipped = new(quote);

        CliResult result = TsmCli.Run("verify", flipped.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NOT verified (4 of 5 checks passed)", result.Stdout);
        Assert.Matches(@"\nFAIL +quote-signature +", result.Stdout.ReplaceLineEndings("\n"));
    }

    [SampleDataFact]
    public void Verify_json_lists_every_check_with_its_outcome()
    {
        CliResult result = TsmCli.Run("verify", SampleData.PathOf(SprE4), "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("tdquote", json.RootElement.GetProperty("format").GetString());
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
        JsonElement[] checks = json.RootElement.GetProperty("checks").EnumerateArray().ToArray();
        Assert.Equal(5, checks.Length);
        Assert.All(checks, check => Assert.Equal("passed", check.GetProperty("outcome").GetString()));
        Assert.All(checks, check => Assert.False(string.IsNullOrEmpty(check.GetProperty("reason").GetString())));
    }

    [SampleDataFact]
    public void A_sandbox_quote_fails_the_pinned_production_root_but_verifies_when_its_root_is_pinned_by_fingerprint()
    {
        string path = SampleData.PathOf("tdx/ccapi_quote_v4.bin");

        CliResult production = TsmCli.Run("verify", path);
        CliResult sandbox = TsmCli.Run("verify", path, "--root-fingerprint", SandboxRootFingerprint.ToLowerInvariant());

        Assert.Equal(1, production.ExitCode);
        Assert.Matches(@"\nFAIL +pck-certificate-chain +.*not a pinned", production.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(0, sandbox.ExitCode);
    }

    [SampleDataFact]
    public void A_sandbox_quote_verifies_when_its_root_certificate_file_is_pinned()
    {
        string path = SampleData.PathOf("tdx/ccapi_quote_v4.bin");
        DecodedJson quote = Samples.DecodeJson("tdx/ccapi_quote_v4.bin");
        string chain = Encoding.ASCII.GetString(Convert.FromHexString(quote.Hex("signaturedata.certificationdata.pckcertchain")));
        string root = chain[chain.LastIndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)..].TrimEnd('\0');
        using TempFile rootFile = new(Encoding.ASCII.GetBytes(root), ".pem");

        CliResult result = TsmCli.Run("verify", path, "--root", rootFile.Path);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
    }

    [SampleDataTheory]
    [InlineData("sevsnp/gosev_attestation.bin", "sevsnp/certs/gosev_vcek.der")]
    [InlineData("sevsnp/trustee_snp_test-report.bin", "sevsnp/certs/trustee_vcek.der")]
    [InlineData("sevsnp/trustee_snp_test-vlek-report.bin", "sevsnp/certs/trustee_vlek.der")]
    [InlineData("sevsnp/virtee_report_milan.bin", "sevsnp/certs/virtee_vcek.der")]
    [InlineData("sevsnp/trustee_az-snp-vtpm_hcl-report.bin", "sevsnp/certs/az_vcek.pem")]
    public void Every_SNP_sample_verifies_with_the_certificate_its_project_ships(string report, string certificate)
    {
        CliResult result = TsmCli.Run("verify", SampleData.PathOf(report), "--cert", SampleData.PathOf(certificate));

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains(": SEV-SNP report v", result.Stdout);
        Assert.Matches(@"\npass +signature +", result.Stdout.ReplaceLineEndings("\n"));
    }

    [SampleDataFact]
    public void An_SNP_report_with_bit_7_of_byte_21_flipped_fails_its_signature_with_exit_code_1()
    {
        byte[] report = SampleData.Read("sevsnp/virtee_report_milan.bin");
        report[21] ^= 0x80;
        using TempFile flipped = new(report);

        CliResult result = TsmCli.Run("verify", flipped.Path, "--cert", SampleData.PathOf("sevsnp/certs/virtee_vcek.der"));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"\nFAIL +signature +", result.Stdout.ReplaceLineEndings("\n"));
    }

    [SampleDataFact]
    public void An_SNP_report_checked_against_another_chips_VCEK_fails_with_exit_code_1()
    {
        CliResult result = TsmCli.Run("verify", SampleData.PathOf("sevsnp/virtee_report_milan.bin"), "--cert", SampleData.PathOf("sevsnp/certs/gosev_vcek.der"));

        Assert.Equal(1, result.ExitCode);
    }

    [SampleDataFact]
    public void An_SNP_report_without_cert_is_unusable_input_with_exit_code_2()
    {
        string path = SampleData.PathOf("sevsnp/gosev_attestation.bin");

        CliResult result = TsmCli.Run("verify", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"tsm: {path}: verifying an SEV-SNP report needs --cert with its VCEK or VLEK certificate (DER or PEM)", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void A_TDREPORT_cannot_be_verified_offline_and_exits_with_2()
    {
        CliResult result = TsmCli.Run("verify", SampleData.PathOf("tdx/coco_gc_tdx_report_1.bin"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MAC-protected", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void A_truncated_quote_is_undecodable_for_verify_too_with_one_line_naming_the_offset()
    {
        using TempFile truncated = new(SampleData.Read(SprE4).AsSpan(0, 2000));

        CliResult result = TsmCli.Run("verify", truncated.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a valid TdQuote: at byte offset 636:", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void A_cert_for_a_TD_quote_is_a_usage_error_with_exit_code_2()
    {
        CliResult result = TsmCli.Run("verify", SampleData.PathOf(SprE4), "--cert", SampleData.PathOf("sevsnp/certs/gosev_vcek.der"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cert is for SEV-SNP reports", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void A_root_file_that_is_not_a_certificate_is_unusable_input_with_exit_code_2()
    {
        using TempFile notACertificate = new("not a certificate"u8, ".der");

        CliResult result = TsmCli.Run("verify", SampleData.PathOf(SprE4), "--root", notACertificate.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"tsm: {notACertificate.Path}: not an X.509 certificate in DER or PEM", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void A_cert_file_that_is_not_a_certificate_is_unusable_input_with_exit_code_2_like_a_bad_root()
    {
        using TempFile notACertificate = new("not a certificate"u8, ".der");

        CliResult result = TsmCli.Run("verify", SampleData.PathOf("sevsnp/gosev_attestation.bin"), "--cert", notACertificate.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"tsm: {notACertificate.Path}: not an X.509 certificate in DER or PEM", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData("--root-fingerprint", "abcd")]
    [InlineData("--root-fingerprint", "zz")]
    public void A_malformed_root_fingerprint_is_a_usage_error_with_exit_code_2(string option, string value)
    {
        CliResult result = TsmCli.Run("verify", "quote.dat", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a SHA-256 fingerprint", result.Stderr);
    }

    [Fact]
    public void Root_and_root_fingerprint_together_are_a_usage_error_with_exit_code_2()
    {
        CliResult result = TsmCli.Run("verify", "quote.dat", "--root", "root.pem", "--root-fingerprint", SandboxRootFingerprint);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be used together", result.Stderr);
    }

    private static string CheckName(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
}
