using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tsm.Attestation.Emulation;
using Tsm.Attestation.Tests.Verification;
using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Emulation;

/// <summary>
/// An emulated attester's TD quote carries the emulated TD's registers and the caller's REPORTDATA, and verifies end to
/// end once its run-time test root is pinned; with Intel's root pinned it is rejected as a test chain, and each altered
/// part fails exactly the check that covers it.
/// </summary>
public sealed class EmulatedTdQuoteTests : IDisposable
{
    private static readonly byte[] ReportData = SHA512.HashData("verifier nonce"u8);
    private static readonly byte[] MrTd = SHA384.HashData("emulated TD image"u8);

    private readonly EmulatedBackend _backend = TsmBackend.Emulated();
    private readonly EmulatedAttester _attester;

    public EmulatedTdQuoteTests()
    {
        _backend.Device(Tdx.Definition).SetValue("mrtd", MrTd);
        _attester = new EmulatedAttester(_backend);
    }

    public void Dispose() => _attester.Dispose();

    [Fact]
    public void A_quote_is_a_v4_ecdsa_p256_tdx_quote_with_intels_qe_vendor_id()
    {
        TdQuote quote = TdQuote.Parse(_attester.CreateTdQuote(ReportData));

        Assert.Equal(4, quote.Version);
        Assert.Equal(2, quote.AttestationKeyType);
        Assert.Equal(0x81u, quote.TeeType);
        Assert.Equal("939a7233f79c4ca9940a0db3957f0607", Convert.ToHexStringLower(quote.QeVendorId));
        Assert.Equal(6, quote.SignatureData.CertificationDataType);
        Assert.Equal(5, quote.SignatureData.CertificationData.PckCertDataType);
        Assert.True(quote.TrailingBytes.IsEmpty);
    }

    [Fact]
    public void A_quote_carries_the_current_registers_and_the_report_data()
    {
        using (Tdx tdx = Tdx.Open(_backend))
        {
            tdx.Rtmr2.Extend(Sha384Digest.Compute("kernel command line"u8));
        }

        TdQuote quote = TdQuote.Parse(_attester.CreateTdQuote(ReportData));

        using Tdx device = Tdx.Open(_backend);
        TdQuoteBody body = quote.Body;
        Assert.Equal(Convert.ToHexStringLower(MrTd), body.MrTd.ToString());
        Assert.True(body.Rtmr0 == device.Rtmr0.Read());
        Assert.True(body.Rtmr2 == device.Rtmr2.Read());
        Assert.NotEqual(Sha384Digest.Zero, body.Rtmr2);
        Assert.Equal(ReportData, body.ReportData.ToArray());
    }

    [Fact]
    public void A_quote_verifies_end_to_end_with_the_test_root_pinned()
    {
        using X509Certificate2 root = X509Certificate2.CreateFromPem(_attester.TdxRootCertificatePem);
        var verifier = new TdQuoteVerifier(TdQuoteVerifierOptions.Default.WithPinnedRoot(root));

        VerificationResult result = verifier.Verify(_attester.CreateTdQuote(ReportData));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void The_test_chain_names_itself_as_not_intels()
    {
        TdQuote quote = TdQuote.Parse(_attester.CreateTdQuote(ReportData));
        string pem = System.Text.Encoding.ASCII.GetString(quote.SignatureData.CertificationData.PckCertChain);

        X509Certificate2Collection chain = [];
        chain.ImportFromPem(pem);

        Assert.Equal(3, chain.Count);
        Assert.All(chain, certificate => Assert.Contains("Tsm emulated test", certificate.Subject));
        Assert.All(chain, certificate => Assert.Contains("(not Intel)", certificate.Subject));
        Assert.Equal(chain[2].Subject, chain[2].Issuer);
    }

    [Fact]
    public void With_intels_root_pinned_the_chain_fails_and_says_it_is_a_test_chain()
    {
        VerificationResult result = TdQuoteVerifier.Default.Verify(_attester.CreateTdQuote(ReportData));

        Assert.Equal([TdQuoteChecks.PckCertificateChain], result.Failures.Select(c => c.Name));
        Assert.Contains("this is a Tsm emulated test chain, not Intel's; pin it with --root to accept it", result[TdQuoteChecks.PckCertificateChain].Reason);
    }

    [Fact]
    public void Another_attesters_root_does_not_verify_this_attesters_quotes()
    {
        using var other = new EmulatedAttester(TsmBackend.Emulated());
        using X509Certificate2 otherRoot = X509Certificate2.CreateFromPem(other.TdxRootCertificatePem);

        VerificationResult result = new TdQuoteVerifier(TdQuoteVerifierOptions.Default.WithPinnedRoot(otherRoot)).Verify(_attester.CreateTdQuote(ReportData));

        Assert.Equal([TdQuoteChecks.PckCertificateChain], result.Failures.Select(c => c.Name));
    }

    [Fact]
    public void Quotes_made_on_many_threads_at_once_all_verify()
    {
        using X509Certificate2 root = X509Certificate2.CreateFromPem(_attester.TdxRootCertificatePem);
        var verifier = new TdQuoteVerifier(TdQuoteVerifierOptions.Default.WithPinnedRoot(root));

        byte[][] quotes = Enumerable.Range(0, 16).AsParallel().Select(i => _attester.CreateTdQuote([(byte)i])).ToArray();

        Assert.All(quotes, quote => Assert.True(verifier.Verify(quote).IsVerified));
        Assert.Equal(16, quotes.Select(q => TdQuote.Parse(q).Body.ReportData[0]).Distinct().Count());
    }

    public static TheoryData<string, string[]> Tampering => new()
    {
        { "body", [TdQuoteChecks.QuoteSignature] },
        { "attestation key", [TdQuoteChecks.QuoteSignature, TdQuoteChecks.QeReportBinding] },
        { "qe report data", [TdQuoteChecks.QeReportBinding, TdQuoteChecks.QeReportSignature] },
        { "qe auth data", [TdQuoteChecks.QeReportBinding] },
        { "qe report", [TdQuoteChecks.QeReportSignature] },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public void A_flipped_bit_fails_exactly_the_checks_that_cover_it(string part, string[] failing)
    {
        byte[] quote = _attester.CreateTdQuote(ReportData);
        QuoteRegions regions = QuoteRegions.Of(quote);
        int offset = part switch
        {
            "body" => regions.Body + 136,
            "attestation key" => regions.AttestationKey + 10,
            "qe report data" => regions.QeReportData,
            "qe auth data" => regions.QeAuthData,
            _ => regions.QeReport + 64,
        };
        using X509Certificate2 root = X509Certificate2.CreateFromPem(_attester.TdxRootCertificatePem);

        VerificationResult result = new TdQuoteVerifier(TdQuoteVerifierOptions.Default.WithPinnedRoot(root)).Verify(Bytes.WithBitFlipped(quote, offset));

        Assert.Equal(failing, result.Failures.Select(c => c.Name));
    }
}
