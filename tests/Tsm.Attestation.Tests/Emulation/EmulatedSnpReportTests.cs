using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tsm.Attestation.Emulation;
using Tsm.Attestation.Tests.Verification;
using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Emulation;

/// <summary>
/// An emulated attester's SEV-SNP report carries the emulated launch values and the caller's REPORT_DATA, is signed by
/// a run-time test VCEK, verifies with its test ARK pinned, and is refused as a test VCEK when no ARK is pinned.
/// </summary>
public sealed class EmulatedSnpReportTests : IDisposable
{
    private const int MeasurementOffset = 0x90;
    private static readonly byte[] ReportData = SHA512.HashData("verifier nonce"u8);
    private static readonly byte[] Measurement = SHA384.HashData("emulated launch digest"u8);
    private static readonly byte[] HostData = SHA256.HashData("host data"u8);

    private readonly EmulatedAttester _attester;

    public EmulatedSnpReportTests()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        backend.Device(SevSnp.Definition).SetValue("measurement", Measurement);
        backend.Device(SevSnp.Definition).SetValue("hostdata", HostData);
        _attester = new EmulatedAttester(backend);
    }

    public void Dispose() => _attester.Dispose();

    [Fact]
    public void A_report_carries_the_launch_values_and_the_report_data_and_is_signed_by_a_vcek_with_ecdsa_p384()
    {
        SnpReport report = SnpReport.Parse(_attester.CreateSnpReport(ReportData));

        Assert.True(report.Version >= 2);
        Assert.Equal(1u, report.SignatureAlgo);
        Assert.Equal(0ul, report.SignerInfo.SigningKey);
        Assert.Equal(Convert.ToHexStringLower(Measurement), report.Measurement.ToString());
        Assert.Equal(Convert.ToHexStringLower(HostData), report.HostData.ToString());
        Assert.Equal(ReportData, report.ReportData.ToArray());
    }

    [Fact]
    public void A_report_verifies_end_to_end_with_the_test_ark_pinned()
    {
        using X509Certificate2 ark = X509Certificate2.CreateFromPem(_attester.SnpArkCertificatePem);
        var verifier = new SnpReportVerifier(SnpReportVerifierOptions.Default.WithPinnedArk(ark));

        VerificationResult result = verifier.Verify(_attester.CreateSnpReport(ReportData), System.Text.Encoding.ASCII.GetBytes(_attester.SnpCertificateChainPem));

        Assert.True(result.IsVerified, result.ToString());
        Assert.True(result[SnpReportChecks.CertificateChain].Passed);
    }

    [Fact]
    public void Without_a_pinned_ark_the_signature_verifies_but_the_test_vcek_is_refused()
    {
        VerificationResult result = SnpReportVerifier.Default.Verify(_attester.CreateSnpReport(ReportData), System.Text.Encoding.ASCII.GetBytes(_attester.SnpCertificateChainPem));

        Assert.True(result[SnpReportChecks.Signature].Passed);
        Assert.Equal([SnpReportChecks.SigningKey], result.Failures.Select(c => c.Name));
        Assert.Contains("Tsm emulated test VCEK, not AMD's; pin its ARK with --root to accept it", result[SnpReportChecks.SigningKey].Reason);
    }

    [Fact]
    public void A_flipped_measurement_bit_fails_only_the_signature()
    {
        byte[] report = Bytes.WithBitFlipped(_attester.CreateSnpReport(ReportData), MeasurementOffset + 3);
        using X509Certificate2 ark = X509Certificate2.CreateFromPem(_attester.SnpArkCertificatePem);

        VerificationResult result = new SnpReportVerifier(SnpReportVerifierOptions.Default.WithPinnedArk(ark))
            .Verify(report, System.Text.Encoding.ASCII.GetBytes(_attester.SnpCertificateChainPem));

        Assert.Equal([SnpReportChecks.Signature], result.Failures.Select(c => c.Name));
    }
}
