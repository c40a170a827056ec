using System.Security.Cryptography.X509Certificates;
using System.Text;
using Tsm.Attestation.Tests.Infrastructure;
using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Verification;

/// <summary>Offline SEV-SNP report verification on the real reports and certificates of the shared data (MANIFEST.md §3).</summary>
public sealed class SnpReportVerifierTests
{
    private const string GosevReport = "sevsnp/gosev_attestation.bin";
    private const string GosevVcek = "sevsnp/certs/gosev_vcek.der";
    private const string VlekReport = "sevsnp/trustee_snp_test-vlek-report.bin";
    private const string Vlek = "sevsnp/certs/trustee_vlek.der";
    private const string AzureReport = "sevsnp/trustee_az-snp-vtpm_hcl-report_SNPREPORT_slice_32_1216.bin";
    private const string AzureChain = "sevsnp/certs/az_vcek.pem";

    // Report offsets (AMD SEV-SNP ABI specification, ATTESTATION_REPORT).
    private const int SignatureAlgoOffset = 0x34;
    private const int SignerInfoOffset = 0x48;
    private const int MeasurementOffset = 0x90;
    private const int SignatureOffset = 0x2A0;

    private static readonly string[] AllChecks =
    [
        SnpReportChecks.Parse,
        SnpReportChecks.Certificate,
        SnpReportChecks.SignatureAlgorithm,
        SnpReportChecks.SigningKey,
        SnpReportChecks.Signature,
    ];

    [SampleDataTheory]
    [MemberData(nameof(VerificationSamples.SnpReportsWithCertificates), MemberType = typeof(VerificationSamples))]
    public void Every_report_verifies_with_the_certificate_its_source_project_uses(string report, string certificate)
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(report), SampleData.Read(certificate));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(AllChecks, result.Checks.Select(c => c.Name));
    }

    [SampleDataFact]
    public void The_vlek_report_says_vlek_and_is_checked_against_a_vlek_certificate()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(VlekReport), SampleData.Read(Vlek));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal("SEV-SNP report v3", result.Evidence);
        Assert.Contains("SIGNING_KEY is 1 (VLEK) and the certificate is a VLEK", result[SnpReportChecks.SigningKey].Reason);
    }

    [SampleDataFact]
    public void A_certificate_object_verifies_like_its_der_bytes()
    {
        using X509Certificate2 vcek = X509CertificateLoader.LoadCertificate(SampleData.Read(GosevVcek));

        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(GosevReport), vcek);

        Assert.True(result.IsVerified, result.ToString());
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_measurement_fails_only_the_signature()
    {
        byte[] report = Bytes.WithBitFlipped(SampleData.Read(GosevReport), MeasurementOffset + 7);

        VerificationResult result = SnpReportVerifier.Default.Verify(report, SampleData.Read(GosevVcek));

        AssertOnlyFailure(result, SnpReportChecks.Signature);
        Assert.Contains("does not verify", result[SnpReportChecks.Signature].Reason);
    }

    [SampleDataFact]
    public void A_bit_flip_in_the_signature_fails_only_the_signature()
    {
        // Byte 5 of R (little-endian, so a low-order byte).
        byte[] report = Bytes.WithBitFlipped(SampleData.Read(AzureReport), SignatureOffset + 5);

        VerificationResult result = SnpReportVerifier.Default.Verify(report, SampleData.Read(AzureChain));

        AssertOnlyFailure(result, SnpReportChecks.Signature);
    }

    [SampleDataFact]
    public void A_non_zero_high_byte_in_r_is_a_malformed_signature()
    {
        byte[] report = SampleData.Read(GosevReport);
        report[SignatureOffset + 0x40] = 1;

        VerificationResult result = SnpReportVerifier.Default.Verify(report, SampleData.Read(GosevVcek));

        AssertOnlyFailure(result, SnpReportChecks.Signature);
        Assert.Contains("R has non-zero bytes above its low 48", result[SnpReportChecks.Signature].Reason);
    }

    [SampleDataFact]
    public void A_non_zero_byte_after_s_is_a_malformed_signature()
    {
        byte[] report = SampleData.Read(GosevReport);
        report[SignatureOffset + 0x100] = 1;

        VerificationResult result = SnpReportVerifier.Default.Verify(report, SampleData.Read(GosevVcek));

        AssertOnlyFailure(result, SnpReportChecks.Signature);
        Assert.Contains("SIGNATURE byte 0x100 is not zero", result[SnpReportChecks.Signature].Reason);
    }

    [SampleDataFact]
    public void Another_chips_vcek_fails_the_signature()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(GosevReport), SampleData.Read("sevsnp/certs/trustee_vcek.der"));

        AssertOnlyFailure(result, SnpReportChecks.Signature);
    }

    [SampleDataFact]
    public void A_vlek_certificate_for_a_vcek_signed_report_fails_the_signing_key_and_the_signature()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(GosevReport), SampleData.Read(Vlek));

        Assert.Equal([SnpReportChecks.SigningKey, SnpReportChecks.Signature], result.Failures.Select(c => c.Name));
        Assert.Contains("SIGNING_KEY is 0 (VCEK), but the certificate is a VLEK", result[SnpReportChecks.SigningKey].Reason);
    }

    [SampleDataFact]
    public void A_vcek_certificate_for_a_vlek_signed_report_fails_the_signing_key_and_the_signature()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(VlekReport), SampleData.Read("sevsnp/certs/trustee_vcek.der"));

        Assert.Equal([SnpReportChecks.SigningKey, SnpReportChecks.Signature], result.Failures.Select(c => c.Name));
    }

    [SampleDataFact]
    public void A_report_that_claims_no_signing_key_fails_the_signing_key()
    {
        byte[] report = SampleData.Read(GosevReport);
        report[SignerInfoOffset] = 7 << 2;

        VerificationResult result = SnpReportVerifier.Default.Verify(report, SampleData.Read(GosevVcek));

        Assert.Equal(VerificationOutcome.Failed, result[SnpReportChecks.SigningKey].Outcome);
        Assert.Contains("SIGNING_KEY is 7", result[SnpReportChecks.SigningKey].Reason);

        // The signer info is signed too.
        Assert.Equal(VerificationOutcome.Failed, result[SnpReportChecks.Signature].Outcome);
    }

    [SampleDataFact]
    public void A_report_with_another_signature_algorithm_is_not_verified()
    {
        byte[] report = SampleData.Read(GosevReport);
        report[SignatureAlgoOffset] = 2;

        VerificationResult result = SnpReportVerifier.Default.Verify(report, SampleData.Read(GosevVcek));

        // The parser insists on algorithm 1, so the parse fails too; the algorithm check still names the field.
        Assert.False(result.IsVerified);
        Assert.Equal(VerificationOutcome.Failed, result[SnpReportChecks.SignatureAlgorithm].Outcome);
        Assert.Contains("SIGNATURE_ALGO is 2", result[SnpReportChecks.SignatureAlgorithm].Reason);
        Assert.NotEqual(VerificationOutcome.Passed, result[SnpReportChecks.Signature].Outcome);
    }

    [SampleDataFact]
    public void An_unreadable_certificate_fails_the_certificate_check_and_leaves_the_signature_unchecked()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(GosevReport), Encoding.ASCII.GetBytes("not a certificate"));

        Assert.Equal(VerificationOutcome.Failed, result[SnpReportChecks.Certificate].Outcome);
        Assert.Equal(VerificationOutcome.NotChecked, result[SnpReportChecks.SigningKey].Outcome);
        Assert.Equal(VerificationOutcome.NotChecked, result[SnpReportChecks.Signature].Outcome);
        Assert.True(result[SnpReportChecks.Parse].Passed);
    }

    [SampleDataFact]
    public void A_certificate_with_a_p256_key_fails_the_certificate_check()
    {
        byte[] quote = SampleData.Read("tdx/trustee_tdx_quote_4.dat");
        QuoteRegions regions = QuoteRegions.Of(quote);
        byte[] pckChain = quote.AsSpan(regions.PckCertChain, regions.PckCertChainLength).ToArray();

        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(GosevReport), pckChain);

        Assert.Equal(VerificationOutcome.Failed, result[SnpReportChecks.Certificate].Outcome);
        Assert.Contains("not P-384", result[SnpReportChecks.Certificate].Reason);
    }

    [SampleDataFact]
    public void The_whole_azure_hcl_report_is_not_a_bare_report_and_fails_to_parse()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read("sevsnp/trustee_az-snp-vtpm_hcl-report.bin"), SampleData.Read(AzureChain));

        Assert.False(result.IsVerified);
        Assert.Equal(VerificationOutcome.Failed, result[SnpReportChecks.Parse].Outcome);
        Assert.True(result[SnpReportChecks.Certificate].Passed);
        Assert.Equal(VerificationOutcome.NotChecked, result[SnpReportChecks.Signature].Outcome);
    }

    [Fact]
    public void Bytes_that_are_not_a_report_are_a_failed_parse_not_an_exception()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(new byte[100], new byte[10]);

        Assert.False(result.IsVerified);
        Assert.Equal(VerificationOutcome.Failed, result[SnpReportChecks.Parse].Outcome);
        Assert.Equal(VerificationOutcome.Failed, result[SnpReportChecks.Certificate].Outcome);
    }

    [SampleDataFact]
    public void Without_a_pinned_ark_the_result_has_no_chain_check()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(SampleData.Read(AzureReport), SampleData.Read(AzureChain));

        Assert.False(result.TryGetCheck(SnpReportChecks.CertificateChain, out _));
        Assert.True(SnpReportVerifier.Default.Options.PinnedArkFingerprints.IsEmpty);
    }

    [SampleDataTheory]
    [MemberData(nameof(VerificationSamples.MilanVcekReports), MemberType = typeof(VerificationSamples))]
    public void Every_milan_vcek_chains_to_the_ark_milan_azure_ships_when_that_ark_is_pinned(string report, string vcek)
    {
        var verifier = new SnpReportVerifier(SnpReportVerifierOptions.Default
            .WithPinnedArks(VerificationSamples.AzureArkMilanFingerprint)
            .WithVerificationTime(VerificationSamples.PckChainsValid));
        using X509Certificate2 signing = LoadFirst(SampleData.Read(vcek));
        X509Certificate2Collection issuers = AzureIssuers();
        try
        {
            VerificationResult result = verifier.Verify(SampleData.Read(report), signing, issuers);

            Assert.True(result.IsVerified, result.ToString());
            Assert.Equal([.. AllChecks, SnpReportChecks.CertificateChain], result.Checks.Select(c => c.Name));
            Assert.Contains("'SEV-VCEK' -> 'SEV-Milan' -> 'ARK-Milan'", result[SnpReportChecks.CertificateChain].Reason);
        }
        finally
        {
            foreach (X509Certificate2 issuer in issuers)
            {
                issuer.Dispose();
            }
        }
    }

    [SampleDataFact]
    public void The_vlek_does_not_chain_to_the_milan_ask_because_its_issuer_is_the_vlek_signing_key()
    {
        var verifier = new SnpReportVerifier(SnpReportVerifierOptions.Default
            .WithPinnedArks(VerificationSamples.AzureArkMilanFingerprint)
            .WithVerificationTime(VerificationSamples.PckChainsValid));
        using X509Certificate2 vlek = X509CertificateLoader.LoadCertificate(SampleData.Read(Vlek));
        X509Certificate2Collection issuers = AzureIssuers();
        try
        {
            VerificationResult result = verifier.Verify(SampleData.Read(VlekReport), vlek, issuers);

            Assert.Equal([SnpReportChecks.CertificateChain], result.Failures.Select(c => c.Name));
            Assert.Contains("'SEV-VLEK'", result[SnpReportChecks.CertificateChain].Reason);
        }
        finally
        {
            foreach (X509Certificate2 issuer in issuers)
            {
                issuer.Dispose();
            }
        }
    }

    [SampleDataFact]
    public void A_chain_to_an_ark_that_is_not_pinned_fails_the_chain_check()
    {
        var verifier = new SnpReportVerifier(SnpReportVerifierOptions.Default
            .WithPinnedArks(TdQuoteVerifierOptions.IntelSgxRootCaFingerprint)
            .WithVerificationTime(VerificationSamples.PckChainsValid));

        VerificationResult result = verifier.Verify(SampleData.Read(AzureReport), SampleData.Read(AzureChain));

        Assert.Equal([SnpReportChecks.CertificateChain], result.Failures.Select(c => c.Name));
        Assert.Contains(VerificationSamples.AzureArkMilanFingerprint, result[SnpReportChecks.CertificateChain].Reason);
        Assert.Contains("is not a pinned AMD root key (ARK)", result[SnpReportChecks.CertificateChain].Reason);
    }

    [SampleDataFact]
    public void A_pinned_ark_without_issuer_certificates_fails_the_chain_check()
    {
        var verifier = new SnpReportVerifier(SnpReportVerifierOptions.Default.WithPinnedArks(VerificationSamples.AzureArkMilanFingerprint));

        VerificationResult result = verifier.Verify(SampleData.Read(GosevReport), SampleData.Read(GosevVcek));

        Assert.Equal([SnpReportChecks.CertificateChain], result.Failures.Select(c => c.Name));
        Assert.Contains("no issuer certificates", result[SnpReportChecks.CertificateChain].Reason);
    }

    private static void AssertOnlyFailure(VerificationResult result, string check)
    {
        Assert.False(result.IsVerified);
        Assert.Equal([check], result.Failures.Select(c => c.Name));
        Assert.Equal(VerificationOutcome.Failed, result[check].Outcome);
    }

    private static X509Certificate2 LoadFirst(byte[] derOrPem) =>
        derOrPem[0] == 0x30 ? X509CertificateLoader.LoadCertificate(derOrPem) : X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(derOrPem));

    /// <summary>The ASK ("SEV-Milan") and ARK ("ARK-Milan") that follow the VCEK in az_vcek.pem.</summary>
    private static X509Certificate2Collection AzureIssuers()
    {
        var all = new X509Certificate2Collection();
        all.ImportFromPem(Encoding.ASCII.GetString(SampleData.Read(AzureChain)));
        all[0].Dispose();
        all.RemoveAt(0);
        return all;
    }
}
