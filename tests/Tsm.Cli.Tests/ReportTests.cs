using System.Buffers.Binary;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// <c>tsm report --backend emulated</c> writes signed evidence and its run-time trust anchor: <c>tsm verify</c> accepts
/// the evidence with that anchor pinned, rejects it as a test chain with the production root, and a flipped byte fails
/// exactly the check that covers it.
/// </summary>
public sealed class ReportTests : IDisposable
{
    /// <summary>MRTD in a TD quote v4: the 48-byte header, then MRTD at 136 in the body (DCAP <c>sgx_report2_body_t</c>).</summary>
    private const int QuoteMrTdOffset = 48 + 136;

    /// <summary>MEASUREMENT in an SEV-SNP ATTESTATION_REPORT (AMD SEV-SNP ABI specification).</summary>
    private const int SnpMeasurementOffset = 0x90;

    private static readonly string Nonce64 = Convert.ToHexString(System.Security.Cryptography.SHA512.HashData("verifier nonce"u8));

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_td_quote_verifies_with_its_test_root_and_carries_the_nonce()
    {
        (string quote, string root) = Report("tdx", Nonce64);

        CliResult verified = TsmCli.Run("verify", quote, "--root", root);
        CliResult decoded = TsmCli.Run("decode", quote, "--json");

        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("TD quote v4: verified (5 of 5 checks passed)", verified.Stdout);
        Assert.Equal(Nonce64.ToLowerInvariant(), DecodedJson.Parse(decoded.Stdout).Hex("body.reportdata"));
    }

    [Fact]
    public void A_td_quote_is_rejected_with_the_production_root_as_a_test_chain()
    {
        (string quote, _) = Report("tdx", Nonce64);

        CliResult result = TsmCli.Run("verify", quote);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"\nFAIL +pck-certificate-chain +.*this is a Tsm emulated test chain, not Intel's; pin it with --root to accept it", result.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("NOT verified (4 of 5 checks passed)", result.Stdout);
    }

    [Fact]
    public void A_td_quote_with_a_flipped_mrtd_byte_fails_only_the_quote_signature()
    {
        (string quote, string root) = Report("tdx", Nonce64);
        byte[] bytes = File.ReadAllBytes(quote);
        bytes[QuoteMrTdOffset] ^= 0x01;
        File.WriteAllBytes(quote, bytes);

        CliResult result = TsmCli.Run("verify", quote, "--root", root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NOT verified (4 of 5 checks passed)", result.Stdout);
        Assert.Matches(@"\nFAIL +quote-signature +", result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_snp_report_verifies_with_its_vcek_and_test_ark()
    {
        (string report, string ark) = Report("sev-snp", Nonce64, "--cert-out", _directory.File("vcek.pem"));

        CliResult result = TsmCli.Run("verify", report, "--cert", _directory.File("vcek.pem"), "--root", ark);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("verified (6 of 6 checks passed)", result.Stdout);
    }

    [Fact]
    public void An_snp_report_verified_without_its_ark_is_refused_as_a_test_vcek()
    {
        (string report, _) = Report("sev-snp", Nonce64, "--cert-out", _directory.File("vcek.pem"));

        CliResult result = TsmCli.Run("verify", report, "--cert", _directory.File("vcek.pem"));

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"\nFAIL +signing-key +.*Tsm emulated test VCEK, not AMD's; pin its ARK with --root to accept it", result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_snp_report_with_a_flipped_measurement_byte_fails_only_the_signature()
    {
        (string report, string ark) = Report("sev-snp", Nonce64, "--cert-out", _directory.File("vcek.pem"));
        byte[] bytes = File.ReadAllBytes(report);
        bytes[SnpMeasurementOffset] ^= 0x80;
        File.WriteAllBytes(report, bytes);

        CliResult result = TsmCli.Run("verify", report, "--cert", _directory.File("vcek.pem"), "--root", ark);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NOT verified (5 of 6 checks passed)", result.Stdout);
        Assert.Matches(@"\nFAIL +signature +", result.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_cca_token_verifies_with_its_iak_and_carries_the_zero_padded_challenge()
    {
        string challenge = Nonce64[..64];
        (string token, string iak) = Report("arm-cca", challenge);

        CliResult verified = TsmCli.Run("verify", token, "--iak", iak);
        CliResult decoded = TsmCli.Run("decode", token, "--json");

        Assert.Equal(0, verified.ExitCode);
        Assert.Contains("verified (4 of 4 checks passed)", verified.Stdout);
        Assert.Equal(challenge.ToLowerInvariant() + new string('0', 64), DecodedJson.Parse(decoded.Stdout).Hex("realm.challenge"));
    }

    [Fact]
    public void A_cca_token_with_a_flipped_challenge_byte_fails_only_the_realm_signature()
    {
        (string token, string iak) = Report("arm-cca", Nonce64);
        byte[] bytes = File.ReadAllBytes(token);
        bytes[bytes.AsSpan().IndexOf(Convert.FromHexString(Nonce64)) + 7] ^= 0x01;
        File.WriteAllBytes(token, bytes);

        CliResult result = TsmCli.Run("verify", token, "--iak", iak);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NOT verified (3 of 4 checks passed)", result.Stdout);
        Assert.Matches(@"\nFAIL +realm-signature +", result.Stdout.ReplaceLineEndings("\n"));
    }

    [SampleDataFact]
    public void A_seeded_td_quote_carries_the_registers_of_the_seed()
    {
        const string SeedMrTd = "dae67181d3d65e073ad8f95b7907d5e927bfe9761c9ff3e9b89734a45d8954dba41394c7717cb2735396c1d04231f94a";
        (string quote, string root) = Report("tdx", Nonce64, "--seed", SampleData.PathOf("tdx/gotdx_ccel_cos113_quote_v4.dat"));

        DecodedJson decoded = DecodedJson.Parse(TsmCli.Run("decode", quote, "--json").Stdout);

        Assert.Equal(SeedMrTd, decoded.Hex("body.mrtd"));
        Assert.Equal(0, TsmCli.Run("verify", quote, "--root", root).ExitCode);
    }

    [SampleDataFact]
    public void A_seeded_cca_token_carries_the_seeds_realm_hash_and_rim()
    {
        string seed = SampleData.PathOf("cca/trustee_cca-example-token.cbor");
        DecodedJson expected = DecodedJson.Parse(TsmCli.Run("decode", seed, "--json").Stdout);
        (string token, string iak) = Report("arm-cca", Nonce64, "--seed", seed);

        DecodedJson decoded = DecodedJson.Parse(TsmCli.Run("decode", token, "--json").Stdout);

        Assert.Equal("sha-512", decoded.Text("realm.hashalgorithm"));
        Assert.Equal(expected.Hex("realm.rim"), decoded.Hex("realm.rim"));
        Assert.Equal(0, TsmCli.Run("verify", token, "--iak", iak).ExitCode);
    }

    [SampleDataFact]
    public void A_seed_of_another_vendor_is_bad_input()
    {
        string seed = SampleData.PathOf("tdx/gotdx_ccel_cos113_quote_v4.dat");

        CliResult result = TsmCli.Run("report", "--vendor", "sev-snp", "--backend", "emulated", "--nonce", Nonce64, "--out", _directory.File("r.bin"), "--seed", seed);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tsm: {seed}: holds an Intel TDX quote, which cannot seed a sev-snp emulator", Assert.Single(result.StderrLines));
        Assert.False(File.Exists(_directory.File("r.bin")));
    }

    [Theory]
    [InlineData("tdx", 63, "tsm: --nonce must be 64 bytes (128 hex digits) for tdx; it has 63 bytes (126 hex digits)")]
    [InlineData("sev-snp", 32, "tsm: --nonce must be 64 bytes (128 hex digits) for sev-snp; it has 32 bytes (64 hex digits)")]
    [InlineData("arm-cca", 31, "tsm: --nonce must be 32 to 64 bytes (64 to 128 hex digits) for arm-cca; it has 31 bytes (62 hex digits)")]
    [InlineData("arm-cca", 65, "tsm: --nonce must be 32 to 64 bytes (64 to 128 hex digits) for arm-cca; it has 65 bytes (130 hex digits)")]
    public void A_nonce_of_the_wrong_size_is_bad_input_and_nothing_is_written(string vendor, int bytes, string message)
    {
        string output = _directory.File("evidence.bin");

        CliResult result = TsmCli.Run("report", "--vendor", vendor, "--backend", "emulated", "--nonce", new string('a', 2 * bytes), "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(message, Assert.Single(result.StderrLines));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void The_nonce_is_checked_before_the_backend()
    {
        CliResult result = TsmCli.Run("report", "--vendor", "tdx", "--backend", "configfs", "--nonce", "zz", "--out", _directory.File("q.bin"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("tsm: --nonce must be hex digits, 64 bytes (128 hex digits) for tdx; 'zz' is not", Assert.Single(result.StderrLines));
    }

    [WithoutConfigfsTsmFact]
    public void The_configfs_backend_without_configfs_tsm_exits_3_and_says_what_the_kernel_needs()
    {
        CliResult result = TsmCli.Run("report", "--vendor", "tdx", "--backend", "configfs", "--nonce", Nonce64, "--out", _directory.File("q.bin"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("configfs-tsm is not there", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(File.Exists(_directory.File("q.bin")));
    }

    [Theory]
    [InlineData("sysfs", "--backend 'sysfs' is not a report backend; use 'configfs' (the kernel's configfs-tsm), 'emulated' or 'emulated:STATEFILE'.")]
    [InlineData("configfs", "--test-root-out, --cert-out and --seed are for --backend emulated")]
    public void Report_backends_are_configfs_and_emulated_and_anchors_are_for_the_emulator(string backend, string expected)
    {
        CliResult result = TsmCli.Run("report", "--vendor", "tdx", "--backend", backend, "--nonce", Nonce64, "--out", _directory.File("q.bin"), "--test-root-out", _directory.File("r.pem"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Cert_out_is_only_for_sev_snp()
    {
        CliResult result = TsmCli.Run("report", "--vendor", "tdx", "--backend", "emulated", "--nonce", Nonce64, "--out", _directory.File("q.bin"), "--cert-out", _directory.File("c.pem"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("tsm: --cert-out is for sev-snp", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void Each_run_makes_new_keys_so_one_runs_root_does_not_verify_anothers_quote()
    {
        (string first, _) = ReportNamed("first", "tdx", Nonce64);
        (_, string secondRoot) = ReportNamed("second", "tdx", Nonce64);

        CliResult result = TsmCli.Run("verify", first, "--root", secondRoot);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"\nFAIL +pck-certificate-chain +", result.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(4u, BinaryPrimitives.ReadUInt16LittleEndian(File.ReadAllBytes(first)));
    }

    private (string Evidence, string TrustAnchor) Report(string vendor, string nonce, params string[] extra) => ReportNamed(vendor, vendor, nonce, extra);

    private (string Evidence, string TrustAnchor) ReportNamed(string name, string vendor, string nonce, params string[] extra)
    {
        string evidence = _directory.File(name + ".bin");
        string anchor = _directory.File(name + "-anchor.pem");
        CliResult result = TsmCli.Run(["report", "--vendor", vendor, "--backend", "emulated", "--nonce", nonce, "--out", evidence, "--test-root-out", anchor, .. extra]);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stdout + result.Stderr);
        return (evidence, anchor);
    }
}
