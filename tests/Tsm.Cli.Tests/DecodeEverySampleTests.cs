using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>Every TDX, SEV-SNP and CCA file in the shared sample data through <c>tsm decode</c>: each has a known outcome.</summary>
public sealed class DecodeEverySampleTests
{
    /// <summary>File → (format, envelope), or null where MANIFEST.md says the file is not a report.</summary>
    private static readonly Dictionary<string, (string Format, string? Envelope)?> Expected = new()
    {
        ["tdx/ccapi_quote_v4.bin"] = ("tdquote", null),
        ["tdx/coco_gc_tdx_report_1.bin"] = ("tdreport", null),
        ["tdx/gotdx_ccel_cos113_nonce.dat"] = null,
        ["tdx/gotdx_ccel_cos113_quote_v4.dat"] = ("tdquote", null),
        ["tdx/gotdx_quote_v4_SPR_E4.dat"] = ("tdquote", null),
        ["tdx/gotdx_quote_v5_sample.dat"] = ("tdquote", null),
        ["tdx/gotdx_tdreport_TRUNCATED_shifted48.dat"] = null,
        ["tdx/intel_dcap_tdreport_for_test.dat"] = ("tdreport", null),
        ["tdx/trustee_az-tdx-vtpm_hcl-report.bin"] = ("tdreport", "azure-hcl-report"),
        ["tdx/trustee_az-tdx-vtpm_hcl-report_TDREPORT_slice_32_1056.bin"] = ("tdreport", null),
        ["tdx/trustee_az-tdx-vtpm_td-quote.bin"] = ("tdquote", null),
        ["tdx/trustee_tdx_quote_4.dat"] = ("tdquote", null),
        ["tdx/trustee_tdx_quote_5.dat"] = ("tdquote", null),
        ["tdx/trustee_tdx_quote_6.dat"] = ("tdquote", null),
        ["sevsnp/gosev_attestation.bin"] = ("snpreport", null),
        ["sevsnp/trustee_az-snp-vtpm_hcl-report.bin"] = ("snpreport", "azure-hcl-report"),
        ["sevsnp/trustee_az-snp-vtpm_hcl-report_SNPREPORT_slice_32_1216.bin"] = ("snpreport", null),
        ["sevsnp/trustee_snp_test-report.bin"] = ("snpreport", null),
        ["sevsnp/trustee_snp_test-vlek-report.bin"] = ("snpreport", null),
        ["sevsnp/virtee_report_milan.bin"] = ("snpreport", null),
        ["cca/trustee_cca-example-token.cbor"] = ("ccatoken", null),
        ["cca/veraison_ccatoken_testGoodCCAToken.cbor"] = ("ccatoken", null),
        ["cca/veraison_ccatoken_testGoodLegacyCCAToken.cbor"] = ("ccatoken", null),
        ["cca/veraison_ccatoken_testRMMLegacyEvidence.cbor"] = ("ccatoken", null),
        ["cca/veraison_ccatoken_tf-rmm_cca_token.cbor"] = ("ccatoken", null),
    };

    public static TheoryData<string> Reports => new(Expected.Where(e => e.Value is not null).Select(e => e.Key));

    public static TheoryData<string> NonReports => new(Expected.Where(e => e.Value is null).Select(e => e.Key));

    [SampleDataFact]
    public void Every_tdx_sevsnp_and_cca_sample_file_has_an_expected_outcome()
    {
        IEnumerable<string> files = new[] { "tdx", "sevsnp", "cca" }.SelectMany(SampleData.Files).Select(f => f.Replace('\\', '/'));
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }

    [SampleDataTheory]
    [MemberData(nameof(Reports))]
    public void Every_report_sample_decodes_to_json_with_its_format(string relative)
    {
        (string format, string? envelope) = Expected[relative]!.Value;

        DecodedJson json = Samples.DecodeJson(relative);

        Assert.Equal(format, json.Format);
        Assert.Equal(envelope, json.Envelope);
        Assert.NotEmpty(json.Root.GetProperty("fields").EnumerateObject());
        Assert.True(json.TrailingBytes >= 0);
    }

    [SampleDataTheory]
    [MemberData(nameof(Reports))]
    public void Every_report_sample_decodes_to_a_table_with_one_row_per_field(string relative)
    {
        CliResult result = TsmCli.Run("decode", SampleData.PathOf(relative));
        DecodedJson json = Samples.DecodeJson(relative);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.StartsWith($"{Path.GetFileName(relative)}: {json.Format} (", result.Stdout);
        string[] rows = result.Stdout.ReplaceLineEndings("\n").Split("\n\n", 2)[1].TrimEnd().Split('\n');
        Assert.Equal(json.LeafPaths(), rows.Select(row => row.Split(' ', 2)[0]));
    }

    [SampleDataTheory]
    [MemberData(nameof(NonReports))]
    public void Every_sample_that_is_not_a_report_is_rejected_with_one_line_naming_the_offset(string relative)
    {
        CliResult result = TsmCli.Run("decode", SampleData.PathOf(relative), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"tsm: {SampleData.PathOf(relative)}: not a recognised report: at byte offset 0: ", line);
        Assert.Contains("tried tdquote", line);
    }
}
