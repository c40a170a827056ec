using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tsm.Attestation.Configfs;
using Tsm.Attestation.Emulation;
using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Emulation;

/// <summary>
/// Attester code written against <see cref="ConfigfsReport"/> runs unchanged on the emulator: the attester's
/// configfs-tsm model answers the kernel's protocol with evidence signed by its run-time keys, which verifies end to
/// end once its anchor is pinned and carries the registers as they were when the report was generated.
/// </summary>
public sealed class AttesterThroughConfigfsTests : IDisposable
{
    private static readonly byte[] Nonce = SHA512.HashData("verifier's nonce"u8);
    private readonly EmulatedAttester _attester = new(TsmBackend.Emulated());

    [Fact]
    public void A_td_quote_through_configfs_verifies_and_carries_the_rtmrs_at_generation()
    {
        using (Tdx tdx = Tdx.Open(_attester.Backend))
        {
            tdx.Rtmr3.Extend(Sha384Digest.Compute("application"u8));
        }

        ConfigfsEvidence evidence = new ConfigfsReport(_attester.ConfigfsTsm(TsmReportProviders.Tdx)).Request(Nonce);
        using X509Certificate2 root = X509Certificate2.CreateFromPem(_attester.TdxRootCertificatePem);

        VerificationResult result = new TdQuoteVerifier(TdQuoteVerifierOptions.Default.WithPinnedRoot(root)).Verify(evidence.Outblob.Span);
        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(Nonce, evidence.Quote.Body.ReportData.ToArray());
        using Tdx after = Tdx.Open(_attester.Backend);
        Assert.True(evidence.Quote.Body.Rtmr3 == after.Rtmr3.Read());
    }

    [Fact]
    public void An_snp_report_through_configfs_verifies_with_the_test_ark()
    {
        ConfigfsEvidence evidence = new ConfigfsReport(_attester.ConfigfsTsm(TsmReportProviders.Sev)).Request(Nonce);
        using X509Certificate2 ark = X509Certificate2.CreateFromPem(_attester.SnpArkCertificatePem);

        VerificationResult result = new SnpReportVerifier(SnpReportVerifierOptions.Default.WithPinnedArk(ark))
            .Verify(evidence.Outblob.Span, System.Text.Encoding.ASCII.GetBytes(_attester.SnpCertificateChainPem));

        Assert.True(result.IsVerified, result.ToString());
        Assert.Equal(Nonce, evidence.SnpReport.ReportData.ToArray());
    }

    [Fact]
    public void A_cca_token_through_configfs_verifies_with_the_exported_iak()
    {
        ConfigfsEvidence evidence = new ConfigfsReport(_attester.ConfigfsTsm(TsmReportProviders.Cca)).Request(Nonce.AsSpan(0, 32));
        using ECDsa iak = ECDsa.Create();
        iak.ImportFromPem(_attester.CcaPlatformPublicKeyPem);

        VerificationResult result = new CcaTokenVerifier(iak).Verify(evidence.Outblob.ToArray());

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void An_unknown_provider_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _attester.ConfigfsTsm("sgx_guest"));
    }

    public void Dispose() => _attester.Dispose();
}
