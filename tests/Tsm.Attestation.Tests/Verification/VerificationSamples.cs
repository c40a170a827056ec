namespace Tsm.Attestation.Tests.Verification;

/// <summary>Which samples in the shared data verify, and with what (MANIFEST.md §1 and §3 of the shared data; Intel DCAP quote layout).</summary>
internal static class VerificationSamples
{
    /// <summary>
    /// A time at which every PCK certificate in the TDX samples is valid (the youngest leaf, in the v5 sample, starts
    /// 2026-01-27; the oldest, in SPR_E4, ends 2029-09-20), so the tests do not depend on the day they run.
    /// </summary>
    public static readonly DateTimeOffset PckChainsValid = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Fingerprint of the pre-production (sandbox) Intel SGX Root CA that ends the cc-api sample's chain.</summary>
    public const string SandboxSgxRootFingerprint = "E3F49E858865D54DDE1D2F778817A355C470133165DDCE1E488BEC66F8F9ECF3";

    /// <summary>The cc-api quote: verifies, but its PCK chain comes from Intel's sandbox PCS.</summary>
    public const string SandboxQuote = "tdx/ccapi_quote_v4.bin";

    /// <summary>
    /// SHA-256 fingerprint of the "ARK-Milan" certificate carried in sevsnp/certs/az_vcek.pem, computed from that file
    /// (not a value AMD states); the same file's ASK ("SEV-Milan") issued every Milan VCEK in the data set.
    /// </summary>
    public const string AzureArkMilanFingerprint = "69D063B45344D26A2E94E1F4210DE49EF555308287D4C174445C95639A540BCD";

    /// <summary>The TDX quotes whose PCK chains end in the production Intel SGX Root CA (MANIFEST §1: all checks pass).</summary>
    public static TheoryData<string> ProductionQuotes => new()
    {
        "tdx/gotdx_quote_v4_SPR_E4.dat",
        "tdx/gotdx_quote_v5_sample.dat",
        "tdx/gotdx_ccel_cos113_quote_v4.dat",
        "tdx/trustee_tdx_quote_4.dat",
        "tdx/trustee_tdx_quote_5.dat",
        "tdx/trustee_tdx_quote_6.dat",
        "tdx/trustee_az-tdx-vtpm_td-quote.bin",
    };

    /// <summary>Each SEV-SNP report with the certificate its source project verifies it with (MANIFEST §3).</summary>
    public static TheoryData<string, string> SnpReportsWithCertificates => new()
    {
        { "sevsnp/gosev_attestation.bin", "sevsnp/certs/gosev_vcek.der" },
        { "sevsnp/trustee_snp_test-report.bin", "sevsnp/certs/trustee_vcek.der" },
        { "sevsnp/trustee_snp_test-vlek-report.bin", "sevsnp/certs/trustee_vlek.der" },
        { "sevsnp/virtee_report_milan.bin", "sevsnp/certs/virtee_vcek.der" },
        { "sevsnp/trustee_az-snp-vtpm_hcl-report_SNPREPORT_slice_32_1216.bin", "sevsnp/certs/az_vcek.pem" },
    };

    /// <summary>The Milan VCEK certificates, each with its report.</summary>
    public static TheoryData<string, string> MilanVcekReports => new()
    {
        { "sevsnp/gosev_attestation.bin", "sevsnp/certs/gosev_vcek.der" },
        { "sevsnp/trustee_snp_test-report.bin", "sevsnp/certs/trustee_vcek.der" },
        { "sevsnp/virtee_report_milan.bin", "sevsnp/certs/virtee_vcek.der" },
        { "sevsnp/trustee_az-snp-vtpm_hcl-report_SNPREPORT_slice_32_1216.bin", "sevsnp/certs/az_vcek.pem" },
    };
}
