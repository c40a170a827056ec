using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>The human-readable output of <c>tsm decode</c>.</summary>
public sealed class DecodeTableTests
{
    [SampleDataFact]
    public void The_table_shows_nested_fields_by_dotted_path_with_digests_in_full()
    {
        CliResult result = TsmCli.Run("decode", SampleData.PathOf("tdx/gotdx_quote_v4_SPR_E4.dat"));

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\nbody\.rtmr0 +2927da70461cd63266f43230cc1849c03ef25ebe490062a801d8fcc80af42976823adf08f833c1e50b51779c6593f32a\n", Normalized(result));
        Assert.Matches(@"\nsignaturedata\.certificationdata\.qereport\.isvsvn +4\n", Normalized(result));
    }

    [SampleDataFact]
    public void The_table_shows_larger_integers_in_decimal_and_hex()
    {
        string output = Normalized(TsmCli.Run("decode", SampleData.PathOf("sevsnp/gosev_attestation.bin")));

        Assert.Matches(@"\npolicy +720896 \(0xb0000\)\n", output);
        Assert.Matches(@"\nvmpl +0\n", output);
    }

    [SampleDataFact]
    public void The_table_shortens_values_longer_than_64_bytes_to_their_start_and_length()
    {
        string output = Normalized(TsmCli.Run("decode", SampleData.PathOf("tdx/gotdx_quote_v4_SPR_E4.dat")));

        Assert.Matches(@"\nsignaturedata\.certificationdata\.pckcertchain +2d2d2d2d2d424547494e[0-9a-f]{44}\.\.\. \(3677 bytes\)\n", output);
    }

    [SampleDataFact]
    public void The_table_header_names_the_format_and_the_trailing_bytes_of_a_quote()
    {
        string[] lines = Normalized(TsmCli.Run("decode", SampleData.PathOf("tdx/gotdx_quote_v4_SPR_E4.dat"))).Split('\n');

        Assert.Equal("gotdx_quote_v4_SPR_E4.dat: tdquote (Intel TDX quote, version 4)", lines[0]);
        Assert.Equal(
            "size: 4935 bytes, then 39 trailing bytes (not part of the report): 0a6578747261206279746573286f6e6c7920666f722074657374696e6720707572706f7365290a",
            lines[1]);
    }

    [SampleDataFact]
    public void The_table_header_names_the_envelope_a_report_was_found_in()
    {
        string output = Normalized(TsmCli.Run("decode", SampleData.PathOf("sevsnp/trustee_az-snp-vtpm_hcl-report.bin")));

        Assert.Contains("\nenvelope: Azure HCL report, the report starts at byte 32\n", output);
        Assert.Contains("\nsize: 1184 bytes, then 1384 trailing bytes (not part of the report): ", output);
    }

    private static string Normalized(CliResult result) => result.Stdout.ReplaceLineEndings("\n");
}
