namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// Every file of the shared data's tdx/ and sevsnp/ folders (MANIFEST.md §1-3), by what it holds. A file added to the
/// data without a place here fails <see cref="SampleInventoryTests"/>, so no sample goes untested.
/// </summary>
internal static class SampleInventory
{
    public const string CocoGcTdReport = "tdx/coco_gc_tdx_report_1.bin";
    public const string IntelDcapTdReport = "tdx/intel_dcap_tdreport_for_test.dat";
    public const string AzureTdReportSlice = "tdx/trustee_az-tdx-vtpm_hcl-report_TDREPORT_slice_32_1056.bin";
    public const string AzureTdxHclReport = "tdx/trustee_az-tdx-vtpm_hcl-report.bin";
    public const string ShiftedTdReport = "tdx/gotdx_tdreport_TRUNCATED_shifted48.dat";

    public const string SprE4Quote = "tdx/gotdx_quote_v4_SPR_E4.dat";
    public const string GoTdxV5Quote = "tdx/gotdx_quote_v5_sample.dat";
    public const string Cos113Quote = "tdx/gotdx_ccel_cos113_quote_v4.dat";
    public const string Cos113Nonce = "tdx/gotdx_ccel_cos113_nonce.dat";
    public const string TrusteeQuote4 = "tdx/trustee_tdx_quote_4.dat";
    public const string TrusteeQuote5 = "tdx/trustee_tdx_quote_5.dat";
    public const string TrusteeQuote6 = "tdx/trustee_tdx_quote_6.dat";
    public const string AzureTdQuote = "tdx/trustee_az-tdx-vtpm_td-quote.bin";
    public const string CcApiQuote = "tdx/ccapi_quote_v4.bin";

    public const string GoSevReport = "sevsnp/gosev_attestation.bin";
    public const string TrusteeSnpReport = "sevsnp/trustee_snp_test-report.bin";
    public const string TrusteeVlekReport = "sevsnp/trustee_snp_test-vlek-report.bin";
    public const string VirteeMilanReport = "sevsnp/virtee_report_milan.bin";
    public const string AzureSnpReportSlice = "sevsnp/trustee_az-snp-vtpm_hcl-report_SNPREPORT_slice_32_1216.bin";
    public const string AzureSnpHclReport = "sevsnp/trustee_az-snp-vtpm_hcl-report.bin";

    /// <summary>The valid TDREPORTs (the shifted one is not valid as it is).</summary>
    public static IReadOnlyList<string> TdReports { get; } = [CocoGcTdReport, IntelDcapTdReport, AzureTdReportSlice];

    public static IReadOnlyList<string> TdQuotes { get; } =
        [SprE4Quote, GoTdxV5Quote, Cos113Quote, TrusteeQuote4, TrusteeQuote5, TrusteeQuote6, AzureTdQuote, CcApiQuote];

    public static IReadOnlyList<string> SnpReports { get; } =
        [GoSevReport, TrusteeSnpReport, TrusteeVlekReport, VirteeMilanReport, AzureSnpReportSlice];

    /// <summary>Files that are not reports themselves but are checked by the tests of the reports they belong to.</summary>
    public static IReadOnlyList<string> Companions { get; } = [AzureTdxHclReport, AzureSnpHclReport, Cos113Nonce, ShiftedTdReport];

    /// <summary>The VCEK/VLEK that signed each SNP report (MANIFEST.md §3: copied from the report's own project).</summary>
    public static IReadOnlyDictionary<string, string> SnpSigningCertificates { get; } = new Dictionary<string, string>
    {
        [GoSevReport] = "sevsnp/certs/gosev_vcek.der",
        [TrusteeSnpReport] = "sevsnp/certs/trustee_vcek.der",
        [TrusteeVlekReport] = "sevsnp/certs/trustee_vlek.der",
        [VirteeMilanReport] = "sevsnp/certs/virtee_vcek.der",
        [AzureSnpReportSlice] = "sevsnp/certs/az_vcek.pem",
    };

    public static IEnumerable<string> All =>
        TdReports.Concat(TdQuotes).Concat(SnpReports).Concat(Companions).Concat(SnpSigningCertificates.Values);
}
