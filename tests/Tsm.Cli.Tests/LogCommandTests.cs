using System.Buffers.Binary;
using System.Text.Json;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary><c>tsm log show | replay | verify</c> on the real logs of MANIFEST.md §5.</summary>
public sealed class LogCommandTests
{
    private const string Ccel = "eventlog/ccel/gotdx_ccel_data.dat";
    private const string Quote = "tdx/gotdx_ccel_cos113_quote_v4.dat";

    [SampleDataFact]
    public void Show_lists_one_row_per_event_with_register_type_digest_and_the_variable_name()
    {
        CliResult result = TsmCli.Run("log", "show", SampleData.PathOf(Ccel));

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal("gotdx_ccel_data.dat: ccel, 44 events", lines[0]);
        Assert.Equal(2 + 44, lines.Length);
        Assert.Matches(@"^3 +rtmr0 +EV_EFI_VARIABLE_DRIVER_CONFIG +sha384:cfa4e2c606f57262… +SecureBoot \(8be4df61-93ca-11d2-aa0d-00e098032b8c\)$", lines[2 + 3]);
    }

    [SampleDataFact]
    public void Show_json_has_every_event_with_full_digests_and_decodes_grub_command_lines()
    {
        CliResult result = TsmCli.Run("log", "show", SampleData.PathOf("eventlog/tpm/goeventlog_rhel8-uefi.bin"), "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("tcg-agile", json.RootElement.GetProperty("format").GetString());
        JsonElement[] events = json.RootElement.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(83, events.Length);
        JsonElement pager = events.First(e => e.GetProperty("description").GetString() == "grub_cmd set pager=1");
        Assert.Equal("pcr8", pager.GetProperty("register").GetString());
        Assert.Equal("EV_IPL", pager.GetProperty("type").GetString());
        Assert.Equal(["sha1", "sha256", "sha384"], pager.GetProperty("digests").EnumerateObject().Select(d => d.Name));
        Assert.Equal(96, pager.GetProperty("digests").GetProperty("sha384").GetString()!.Length);
    }

    [SampleDataFact]
    public void Show_json_gives_the_attestation_agents_events_in_a_CCEL_their_domain_operation_and_content()
    {
        CliResult result = TsmCli.Run("log", "show", SampleData.PathOf("eventlog/ccel/trustee_CCEL_AAEL_alibabacloud.bin"), "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement[] agent = json.RootElement.GetProperty("events").EnumerateArray().Where(e => e.TryGetProperty("domain", out _)).ToArray();
        Assert.NotEmpty(agent);
        Assert.All(agent, e => Assert.Equal("rtmr3", e.GetProperty("register").GetString()));
        JsonElement last = agent[^1];
        Assert.Equal("coco.com", last.GetProperty("domain").GetString());
        Assert.Equal("some-operation", last.GetProperty("operation").GetString());
        Assert.Equal("{\"key\": \"value\", \"nested-key\": {\"sub-key\": \"value\"}}", last.GetProperty("content").GetString());
    }

    [SampleDataFact]
    public void Replay_json_is_format_and_registers_by_schema_name_and_bank()
    {
        CliResult result = TsmCli.Run("log", "replay", SampleData.PathOf("eventlog/tpm/goeventlog_ubuntu-1804-amd-sev.bin"), "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["format", "registers"], json.RootElement.EnumerateObject().Select(p => p.Name));
        JsonElement pcr0 = json.RootElement.GetProperty("registers").GetProperty("pcr0");
        // go-eventlog tpmeventlog/extract_test.go lines 100 and 112 (MANIFEST Appendix B).
        Assert.Equal("c032c3b51dbb6f96b047421512fd4b4dfde496f3", pcr0.GetProperty("sha1").GetString());
        Assert.Equal("0f35c214608d93c7a6e68ae7359b4a8be5a0e99eea9107ece427c4dea4e439cf", pcr0.GetProperty("sha256").GetString());
    }

    [SampleDataFact]
    public void Verify_passes_the_go_tdx_guest_ccel_against_its_quote_with_exit_code_0()
    {
        CliResult result = TsmCli.Run("log", "verify", "--log", SampleData.PathOf(Ccel), "--evidence", SampleData.PathOf(Quote));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.StartsWith("gotdx_ccel_cos113_quote_v4.dat: verified", result.Stdout);
    }

    [SampleDataFact]
    public void Verify_fails_a_flipped_separator_digest_with_exit_code_1_naming_the_register_and_event()
    {
        byte[] log = SampleData.Read(Ccel);
        int separator = EventOffset(log, number: 16);
        log[separator + 12 + 2] ^= 0x80;
        using TempFile flipped = new(log);

        CliResult result = TsmCli.Run("log", "verify", "--log", flipped.Path, "--evidence", SampleData.PathOf(Quote));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NOT verified", result.Stdout);
        Assert.Matches(@"\nMISMATCH +rtmr1 +sha384", result.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("rtmr1: event 16 (EV_SEPARATOR)", result.Stdout);
    }

    [SampleDataFact]
    public void Verify_json_names_the_first_disagreeing_event()
    {
        byte[] log = SampleData.Read(Ccel);
        log[EventOffset(log, number: 16) + 12 + 2] ^= 0x80;
        using TempFile flipped = new(log);

        CliResult result = TsmCli.Run("log", "verify", "--log", flipped.Path, "--evidence", SampleData.PathOf(Quote), "--json");

        Assert.Equal(1, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.GetProperty("verified").GetBoolean());
        JsonElement rtmr1 = json.RootElement.GetProperty("registers").EnumerateArray().Single(r => r.GetProperty("register").GetString() == "rtmr1");
        Assert.Equal("mismatch", rtmr1.GetProperty("verdict").GetString());
        Assert.Equal(16, rtmr1.GetProperty("firstDisagreement").GetProperty("number").GetInt32());
        Assert.Equal("EV_SEPARATOR", rtmr1.GetProperty("firstDisagreement").GetProperty("type").GetString());
    }

    [SampleDataFact]
    public void A_truncated_log_is_exit_code_2_with_one_line_naming_the_offset()
    {
        byte[] log = SampleData.Read("eventlog/tpm/goeventlog_rhel8-uefi.bin")[..1000];
        using TempFile truncated = new(log);

        CliResult result = TsmCli.Run("log", "show", truncated.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Matches(@"^tsm: .*: Not a valid tcg-agile log: at byte offset \d+: ", result.StderrLines[0]);
    }

    [SampleDataFact]
    public void Evidence_that_is_no_quote_report_or_pcr_values_is_exit_code_2()
    {
        using TempFile junk = new([0xFF, 0xFE, 0x00, 0x01]);

        CliResult result = TsmCli.Run("log", "verify", "--log", SampleData.PathOf(Ccel), "--evidence", junk.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains("Not usable evidence", result.StderrLines[0]);
    }

    [SampleDataFact]
    public void Replay_of_a_ccel_and_an_aael_names_both_formats_and_fills_rtmr3()
    {
        using TempFile aael = new(System.Text.Encoding.ASCII.GetBytes($"INIT sha384/{new string('0', 96)}\ndomain operation content\n"));

        CliResult result = TsmCli.Run("log", "replay", SampleData.PathOf(Ccel), aael.Path, "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("ccel+aael", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(["rtmr0", "rtmr1", "rtmr2", "rtmr3"], json.RootElement.GetProperty("registers").EnumerateObject().Select(r => r.Name));
    }

    [SampleDataFact]
    public void Verify_with_an_application_log_the_quote_does_not_reflect_fails_rtmr3_only()
    {
        using TempFile aael = new(System.Text.Encoding.ASCII.GetBytes($"INIT sha384/{new string('0', 96)}\ndomain operation content\n"));

        CliResult result = TsmCli.Run("log", "verify", "--log", SampleData.PathOf(Ccel), aael.Path, "--evidence", SampleData.PathOf(Quote));

        // The quote's RTMR3 is zero (MANIFEST §1): no application event had been extended when it was taken.
        Assert.Equal(1, result.ExitCode);
        string stdout = result.Stdout.ReplaceLineEndings("\n");
        Assert.Matches(@"\nMISMATCH +rtmr3 +sha384\n", stdout);
        Assert.Matches(@"\nmatch +rtmr2 +sha384\n", stdout);
        Assert.Contains("rtmr3: replayed ", stdout);
        Assert.Matches(@"\n  event 1 +AAEL ", stdout);
    }

    [Fact]
    public void An_empty_cel_json_log_shows_no_events()
    {
        using TempFile empty = new("[]"u8, ".json");

        CliResult result = TsmCli.Run("log", "show", empty.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"{Path.GetFileName(empty.Path)}: cel-json, 0 events", result.Stdout);
    }

    [Fact]
    public void A_missing_log_is_exit_code_2()
    {
        CliResult result = TsmCli.Run("log", "replay", "/nonexistent/log.bin");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["tsm: /nonexistent/log.bin: no such file"], result.StderrLines);
    }

    /// <summary>Walks TCG_PCR_EVENT2 records of a SHA-384-only CCEL to the event with <paramref name="number"/>.</summary>
    private static int EventOffset(byte[] log, int number)
    {
        int offset = 32 + (int)BinaryPrimitives.ReadUInt32LittleEndian(log.AsSpan(28));
        for (int i = 1; i < number; i++)
        {
            offset += 12 + 2 + 48 + 4 + (int)BinaryPrimitives.ReadUInt32LittleEndian(log.AsSpan(offset + 12 + 2 + 48));
        }

        return offset;
    }
}
