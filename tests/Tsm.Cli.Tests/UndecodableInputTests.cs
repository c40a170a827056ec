using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>Files <c>tsm decode</c> cannot decode: exit code 2 and exactly one line on stderr naming the offset and the reason.</summary>
public sealed class UndecodableInputTests
{
    [SampleDataFact]
    public void A_truncated_quote_exits_with_2_and_one_line_naming_the_offset_where_the_signature_data_runs_out()
    {
        byte[] quote = SampleData.Read("tdx/gotdx_quote_v4_SPR_E4.dat");
        using TempFile truncated = new(quote.AsSpan(0, 1000));

        CliResult result = TsmCli.Run("decode", truncated.Path, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"tsm: {truncated.Path}: not a valid TdQuote: at byte offset ", line);
        Assert.Contains("offset 636:", line);
        Assert.Contains("'signaturedata' needs 4299 bytes", line);
    }

    [SampleDataTheory]
    [InlineData("tdx/coco_gc_tdx_report_1.bin", "TdReport")]
    [InlineData("sevsnp/gosev_attestation.bin", "SnpReport")]
    [InlineData("sevsnp/trustee_az-snp-vtpm_hcl-report.bin", "SnpReport")]
    public void A_truncated_report_is_still_recognised_and_its_parser_names_where_it_ends(string relative, string layout)
    {
        using TempFile truncated = new(SampleData.Read(relative).AsSpan(0, 700));

        CliResult result = TsmCli.Run("decode", truncated.Path);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.Contains($"not a valid {layout}: at byte offset 700: needs at least", line);
    }

    [SampleDataFact]
    public void A_truncated_CCA_token_names_the_offset_of_the_CBOR_item_that_runs_past_the_end()
    {
        using TempFile truncated = new(SampleData.Read("cca/veraison_ccatoken_testGoodCCAToken.cbor").AsSpan(0, 700));

        CliResult result = TsmCli.Run("decode", truncated.Path, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Matches(@"^tsm: .*: not a valid CcaToken: at byte offset \d+: the realm token \(key 44241\): ", Assert.Single(result.StderrLines));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_exit_with_2_and_one_line_saying_which_formats_were_tried(int seed)
    {
        byte[] noise = new byte[5000];
        new Random(seed).NextBytes(noise);
        using TempFile file = new(noise);

        CliResult result = TsmCli.Run("decode", file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.StderrLines);
        Assert.Contains("not a recognised report: at byte offset 0: the leading bytes ", line);
        Assert.Contains("tried tdquote", line);
        Assert.Contains("snpreport", line);
    }

    [Fact]
    public void An_empty_file_exits_with_2_and_says_it_is_empty()
    {
        using TempFile empty = new([]);

        CliResult result = TsmCli.Run("decode", empty.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tsm: {empty.Path}: not a recognised report: at byte offset 0: the file is empty", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_missing_file_exits_with_2_and_one_line_naming_it()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"tsm-cli-missing-{Guid.NewGuid():N}.bin");

        CliResult result = TsmCli.Run("decode", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tsm: {missing}: no such file", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void The_shifted_TDREPORT_forced_as_tdreport_is_rejected_by_the_parser_at_its_report_type()
    {
        string path = SampleData.PathOf("tdx/gotdx_tdreport_TRUNCATED_shifted48.dat");

        CliResult result = TsmCli.Run("decode", path, "--format", "tdreport");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tsm: {path}: not a valid TdReport: at byte offset 0: 'reporttype' is 15; expected 129", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void A_quote_forced_as_an_SNP_report_is_rejected_by_the_SNP_parser()
    {
        CliResult result = TsmCli.Run("decode", SampleData.PathOf("tdx/gotdx_quote_v4_SPR_E4.dat"), "--format", "snpreport");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a valid SnpReport: at byte offset 0: 'version' is ", Assert.Single(result.StderrLines));
    }

    [SampleDataFact]
    public void Mutated_samples_either_decode_to_valid_json_or_fail_with_one_line_naming_an_offset()
    {
        string[] samples =
        [
            "tdx/gotdx_quote_v4_SPR_E4.dat", "tdx/gotdx_quote_v5_sample.dat", "tdx/coco_gc_tdx_report_1.bin", "sevsnp/gosev_attestation.bin",
            "cca/veraison_ccatoken_testGoodCCAToken.cbor", "cca/veraison_ccatoken_tf-rmm_cca_token.cbor",
        ];
        Random random = new(20240611);
        for (int i = 0; i < 200; i++)
        {
            byte[] bytes = SampleData.Read(samples[i % samples.Length]);
            byte[] mutated = Mutate(bytes, random);
            using TempFile file = new(mutated);

            CliResult result = TsmCli.Run("decode", file.Path, "--json");

            if (result.ExitCode == 0)
            {
                Assert.NotNull(DecodedJson.Parse(result.Stdout).Format);
            }
            else
            {
                Assert.Equal(2, result.ExitCode);
                Assert.Contains("at byte offset ", Assert.Single(result.StderrLines));
            }
        }
    }

    /// <summary>Flips a few bytes (biased towards the headers and length fields) and sometimes cuts the end off.</summary>
    private static byte[] Mutate(byte[] bytes, Random random)
    {
        byte[] copy = (byte[])bytes.Clone();
        for (int flips = random.Next(1, 4); flips > 0; flips--)
        {
            int at = random.Next(2) == 0 ? random.Next(Math.Min(64, copy.Length)) : random.Next(copy.Length);
            copy[at] = (byte)random.Next(256);
        }

        return random.Next(4) == 0 ? copy[..random.Next(copy.Length)] : copy;
    }
}
