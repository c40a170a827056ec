using System.Security.Cryptography.X509Certificates;
using System.Text;
using Tsm.Attestation.Tests.Infrastructure;
using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Verification;

/// <summary>Offline TD quote verification on the real quotes of the shared data (MANIFEST.md §1).</summary>
public sealed class TdQuoteVerifierTests
{
    private static readonly TdQuoteVerifier Verifier = new(TdQuoteVerifierOptions.Default.WithVerificationTime(VerificationSamples.PckChainsValid));

    private static readonly string[] AllChecks =
    [
        TdQuoteChecks.Parse,
        TdQuoteChecks.QuoteSignature,
        TdQuoteChecks.QeReportBinding,
        TdQuoteChecks.QeReportSignature,
        TdQuoteChecks.PckCertificateChain,
    ];

    [SampleDataTheory]
    [MemberData(nameof(VerificationSamples.ProductionQuotes), MemberType = typeof(VerificationSamples))]
    public void Every_production_quote_passes_every_check_with_the_production_root_pinned(string file)
    {
        VerificationResult result = Verifier.Verify(SampleData.Read(file));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(AllChecks, result.Checks.Select(c => c.Name));
        Assert.All(result.Checks, c => Assert.Equal(VerificationOutcome.Passed, c.Outcome));
        Assert.Contains(TdQuoteVerifierOptions.IntelSgxRootCaFingerprint, result[TdQuoteChecks.PckCertificateChain].Reason);
    }

    [SampleDataFact]
    public void The_v5_sample_is_reported_as_a_version_5_quote_with_a_tdx_1_5_body()
    {
        VerificationResult result = Verifier.Verify(SampleData.Read("tdx/gotdx_quote_v5_sample.dat"));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal("TD quote v5 (body type 3)", result.Evidence);
    }

    [SampleDataFact]
    public void Bytes_after_the_signature_data_are_ignored_and_the_parse_check_says_so()
    {
        VerificationResult result = Verifier.Verify(SampleData.Read("tdx/gotdx_quote_v4_SPR_E4.dat"));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Contains("39 bytes after the signature data ignored", result[TdQuoteChecks.Parse].Reason);
    }

    [SampleDataFact]
    public void The_sandbox_quote_passes_the_signatures_and_binding_but_fails_the_chain_with_the_default_pin()
    {
        VerificationResult result = Verifier.Verify(SampleData.Read(VerificationSamples.SandboxQuote));

        Assert.False(result.IsVerified);
        Assert.Equal([TdQuoteChecks.PckCertificateChain], result.Failures.Select(c => c.Name));
        VerificationCheck chain = result[TdQuoteChecks.PckCertificateChain];
        Assert.Equal(VerificationOutcome.Failed, chain.Outcome);
        Assert.Contains(VerificationSamples.SandboxSgxRootFingerprint, chain.Reason);
        Assert.Contains("is not a pinned", chain.Reason);
    }

    [SampleDataFact]
    public void The_sandbox_quote_verifies_when_its_root_is_pinned_by_fingerprint()
    {
        var verifier = new TdQuoteVerifier(TdQuoteVerifierOptions.Default
            .WithVerificationTime(VerificationSamples.PckChainsValid)
            .WithPinnedRoots("e3:f4:9e:85:88:65:d5:4d:de:1d:2f:77:88:17:a3:55:c4:70:13:31:65:dd:ce:1e:48:8b:ec:66:f8:f9:ec:f3"));

        VerificationResult result = verifier.Verify(SampleData.Read(VerificationSamples.SandboxQuote));

        Assert.True(result.IsVerified, result.ToString());
    }

    [SampleDataFact]
    public void The_sandbox_quote_verifies_when_its_root_is_pinned_as_a_certificate()
    {
        byte[] quote = SampleData.Read(VerificationSamples.SandboxQuote);
        using X509Certificate2 sandboxRoot = LastCertificateOf(quote);
        var verifier = new TdQuoteVerifier(TdQuoteVerifierOptions.Default
            .WithVerificationTime(VerificationSamples.PckChainsValid)
            .WithPinnedRoot(sandboxRoot));

        VerificationResult result = verifier.Verify(quote);

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(VerificationSamples.SandboxSgxRootFingerprint, Assert.Single(verifier.Options.PinnedRootFingerprints));
    }

    [SampleDataFact]
    public void Pinning_another_root_replaces_the_production_root_rather_than_adding_to_it()
    {
        var sandboxOnly = new TdQuoteVerifier(TdQuoteVerifierOptions.Default
            .WithVerificationTime(VerificationSamples.PckChainsValid)
            .WithPinnedRoots(VerificationSamples.SandboxSgxRootFingerprint));
        var both = new TdQuoteVerifier(sandboxOnly.Options.WithPinnedRoots(
            VerificationSamples.SandboxSgxRootFingerprint, TdQuoteVerifierOptions.IntelSgxRootCaFingerprint));
        byte[] production = SampleData.Read("tdx/trustee_tdx_quote_4.dat");

        Assert.Equal([TdQuoteChecks.PckCertificateChain], sandboxOnly.Verify(production).Failures.Select(c => c.Name));
        Assert.True(both.Verify(production).IsVerified);
        Assert.True(both.Verify(SampleData.Read(VerificationSamples.SandboxQuote)).IsVerified);
    }

    [SampleDataFact]
    public void With_no_root_pinned_every_chain_fails()
    {
        var verifier = new TdQuoteVerifier(TdQuoteVerifierOptions.Default with
        {
            PinnedRootFingerprints = [],
            VerificationTime = VerificationSamples.PckChainsValid,
        });

        VerificationResult result = verifier.Verify(SampleData.Read("tdx/trustee_tdx_quote_4.dat"));

        Assert.Equal([TdQuoteChecks.PckCertificateChain], result.Failures.Select(c => c.Name));
        Assert.Contains("pinned: none", result[TdQuoteChecks.PckCertificateChain].Reason);
    }

    [SampleDataFact]
    public void An_expired_pck_leaf_fails_the_chain_at_a_later_verification_time()
    {
        var verifier = new TdQuoteVerifier(TdQuoteVerifierOptions.Default.WithVerificationTime(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        VerificationResult result = verifier.Verify(SampleData.Read("tdx/gotdx_quote_v4_SPR_E4.dat"));

        Assert.Equal([TdQuoteChecks.PckCertificateChain], result.Failures.Select(c => c.Name));
        string reason = result[TdQuoteChecks.PckCertificateChain].Reason;
        Assert.Contains("NotTimeValid", reason);
        Assert.Contains("not valid at 2030-01-01 00:00:00Z", reason);
        Assert.Contains("2029-09-20", reason);
    }

    [SampleDataFact]
    public void A_pck_leaf_that_is_not_yet_valid_fails_the_chain_at_an_earlier_verification_time()
    {
        var verifier = new TdQuoteVerifier(TdQuoteVerifierOptions.Default.WithVerificationTime(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        VerificationResult result = verifier.Verify(SampleData.Read("tdx/gotdx_quote_v5_sample.dat"));

        Assert.Equal([TdQuoteChecks.PckCertificateChain], result.Failures.Select(c => c.Name));
        Assert.Contains("NotTimeValid", result[TdQuoteChecks.PckCertificateChain].Reason);
    }

    [SampleDataFact]
    public void Ignoring_time_validity_is_an_explicit_opt_in_that_accepts_an_expired_chain_and_says_so()
    {
        var verifier = new TdQuoteVerifier(TdQuoteVerifierOptions.Default with
        {
            VerificationTime = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
            IgnoreCertificateTimeValidity = true,
        });

        VerificationResult result = verifier.Verify(SampleData.Read("tdx/gotdx_quote_v4_SPR_E4.dat"));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Contains("validity periods NOT checked", result[TdQuoteChecks.PckCertificateChain].Reason);
    }

    [Fact]
    public void The_default_options_pin_only_the_production_root_and_check_validity_now()
    {
        TdQuoteVerifierOptions options = TdQuoteVerifierOptions.Default;

        Assert.Equal(TdQuoteVerifierOptions.IntelSgxRootCaFingerprint, Assert.Single(options.PinnedRootFingerprints));
        Assert.Null(options.VerificationTime);
        Assert.False(options.IgnoreCertificateTimeValidity);
        Assert.Same(options, TdQuoteVerifier.Default.Options);
    }

    [Fact]
    public void A_pin_that_is_not_a_sha256_fingerprint_is_rejected_when_the_options_are_made()
    {
        Assert.Throws<ArgumentException>(() => TdQuoteVerifierOptions.Default.WithPinnedRoots("44A0196B"));
        Assert.Throws<ArgumentException>(() => TdQuoteVerifierOptions.Default.WithPinnedRoots(new string('G', 64)));
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_body_fails_only_the_quote_signature()
    {
        byte[] quote = SampleData.Read("tdx/trustee_tdx_quote_4.dat");
        QuoteRegions regions = QuoteRegions.Of(quote);

        // MRTD, 136 bytes into the body.
        VerificationResult result = Verifier.Verify(Bytes.WithBitFlipped(quote, regions.Body + 136));

        AssertOnlyFailure(result, TdQuoteChecks.QuoteSignature);
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_header_fails_only_the_quote_signature()
    {
        byte[] quote = SampleData.Read("tdx/trustee_tdx_quote_4.dat");

        // User data in the header (offset 28): signed, but not interpreted by the parser.
        VerificationResult result = Verifier.Verify(Bytes.WithBitFlipped(quote, 28));

        AssertOnlyFailure(result, TdQuoteChecks.QuoteSignature);
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_quote_signature_fails_only_the_quote_signature()
    {
        byte[] quote = SampleData.Read("tdx/gotdx_quote_v5_sample.dat");
        QuoteRegions regions = QuoteRegions.Of(quote);

        VerificationResult result = Verifier.Verify(Bytes.WithBitFlipped(quote, regions.Signature + 40));

        AssertOnlyFailure(result, TdQuoteChecks.QuoteSignature);
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_qe_report_fails_only_the_qe_report_signature()
    {
        byte[] quote = SampleData.Read("tdx/gotdx_quote_v4_SPR_E4.dat");
        QuoteRegions regions = QuoteRegions.Of(quote);

        // CPUSVN, the first bytes of the QE report: signed by the PCK key, not part of the binding.
        VerificationResult result = Verifier.Verify(Bytes.WithBitFlipped(quote, regions.QeReport + 1));

        AssertOnlyFailure(result, TdQuoteChecks.QeReportSignature);
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_qe_report_data_fails_the_binding_and_the_qe_report_signature()
    {
        byte[] quote = SampleData.Read("tdx/gotdx_quote_v4_SPR_E4.dat");
        QuoteRegions regions = QuoteRegions.Of(quote);

        VerificationResult result = Verifier.Verify(Bytes.WithBitFlipped(quote, regions.QeReportData + 3));

        Assert.Equal([TdQuoteChecks.QeReportBinding, TdQuoteChecks.QeReportSignature], result.Failures.Select(c => c.Name));
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_qe_auth_data_fails_only_the_qe_report_binding()
    {
        byte[] quote = SampleData.Read("tdx/trustee_tdx_quote_5.dat");
        QuoteRegions regions = QuoteRegions.Of(quote);
        Assert.True(regions.QeAuthDataLength > 0, "the sample has QE authentication data");

        VerificationResult result = Verifier.Verify(Bytes.WithBitFlipped(quote, regions.QeAuthData));

        AssertOnlyFailure(result, TdQuoteChecks.QeReportBinding);
        Assert.Contains("did not vouch for this attestation key", result[TdQuoteChecks.QeReportBinding].Reason);
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_attestation_key_fails_the_quote_signature_and_the_binding()
    {
        byte[] quote = SampleData.Read("tdx/trustee_tdx_quote_6.dat");
        QuoteRegions regions = QuoteRegions.Of(quote);

        VerificationResult result = Verifier.Verify(Bytes.WithBitFlipped(quote, regions.AttestationKey + 5));

        Assert.Equal([TdQuoteChecks.QuoteSignature, TdQuoteChecks.QeReportBinding], result.Failures.Select(c => c.Name));
        Assert.All(result.Failures, c => Assert.Equal(VerificationOutcome.Failed, c.Outcome));
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_pck_leaf_fails_only_the_certificate_chain()
    {
        byte[] quote = SampleData.Read("tdx/gotdx_ccel_cos113_quote_v4.dat");
        QuoteRegions regions = QuoteRegions.Of(quote);

        VerificationResult result = Verifier.Verify(Bytes.WithBitFlipped(quote, regions.PckLeafSignatureCharacter(quote), bit: 5));

        AssertOnlyFailure(result, TdQuoteChecks.PckCertificateChain);
        Assert.Contains("'Intel SGX PCK Certificate'", result[TdQuoteChecks.PckCertificateChain].Reason);
    }

    [SampleDataFact]
    public void A_pck_chain_that_is_not_valid_pem_fails_the_chain_and_leaves_the_qe_report_signature_unchecked()
    {
        byte[] quote = SampleData.Read("tdx/trustee_az-tdx-vtpm_td-quote.bin");
        QuoteRegions regions = QuoteRegions.Of(quote);
        byte[] damaged = (byte[])quote.Clone();
        damaged[regions.PckCertChain + "-----BEGIN CERTIFICATE-----\n".Length + 10] = (byte)'!';

        VerificationResult result = Verifier.Verify(damaged);

        Assert.Equal(VerificationOutcome.Failed, result[TdQuoteChecks.PckCertificateChain].Outcome);
        Assert.Contains("certificate #1 is not valid base64", result[TdQuoteChecks.PckCertificateChain].Reason);
        Assert.Equal(VerificationOutcome.NotChecked, result[TdQuoteChecks.QeReportSignature].Outcome);
        Assert.True(result[TdQuoteChecks.QuoteSignature].Passed);
        Assert.True(result[TdQuoteChecks.QeReportBinding].Passed);
    }

    [SampleDataFact]
    public void A_truncated_quote_fails_to_parse_and_every_other_check_is_not_checked()
    {
        byte[] quote = SampleData.Read("tdx/trustee_tdx_quote_4.dat");

        VerificationResult result = Verifier.Verify(quote.AsSpan(0, 1000));

        Assert.False(result.IsVerified);
        Assert.Equal(AllChecks, result.Checks.Select(c => c.Name));
        Assert.Equal(VerificationOutcome.Failed, result[TdQuoteChecks.Parse].Outcome);
        Assert.Contains("TdQuote", result[TdQuoteChecks.Parse].Reason);
        Assert.All(result.Checks.Skip(1), c => Assert.Equal(VerificationOutcome.NotChecked, c.Outcome));
    }

    [Fact]
    public void Bytes_that_are_not_a_quote_are_a_failed_parse_not_an_exception()
    {
        VerificationResult empty = TdQuoteVerifier.Default.Verify(ReadOnlySpan<byte>.Empty);
        VerificationResult zeros = TdQuoteVerifier.Default.Verify(new byte[5000]);

        Assert.Equal(VerificationOutcome.Failed, empty[TdQuoteChecks.Parse].Outcome);
        Assert.Equal(VerificationOutcome.Failed, zeros[TdQuoteChecks.Parse].Outcome);
        Assert.Contains("'version' is 0", zeros[TdQuoteChecks.Parse].Reason);
    }

    [SampleDataFact]
    public void The_result_prints_a_summary_line_and_one_line_per_check()
    {
        VerificationResult result = Verifier.Verify(SampleData.Read(VerificationSamples.SandboxQuote));

        string[] lines = result.ToString().Split('\n');

        Assert.Equal("TD quote v4: NOT verified (4 of 5 checks passed)", lines[0].TrimEnd('\r'));
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("  [FAIL] pck-certificate-chain: ", lines[5]);
    }

    private static void AssertOnlyFailure(VerificationResult result, string check)
    {
        Assert.False(result.IsVerified);
        Assert.Equal([check], result.Failures.Select(c => c.Name));
        Assert.Equal(VerificationOutcome.Failed, result[check].Outcome);
    }

    private static X509Certificate2 LastCertificateOf(byte[] quote)
    {
        QuoteRegions regions = QuoteRegions.Of(quote);
        string chain = Encoding.Latin1.GetString(quote, regions.PckCertChain, regions.PckCertChainLength);
        int begin = chain.LastIndexOf("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
        return X509Certificate2.CreateFromPem(chain.AsSpan(begin).TrimEnd('\0'));
    }
}
