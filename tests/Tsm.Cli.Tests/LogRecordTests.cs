using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// <c>tsm log record</c> and <c>tsm log verify --backend</c> against a real swtpm, PCR 23 (the TPM's application role)
/// reset before each test, with tpm2-tools as the independent reader of the PCR.
/// </summary>
public sealed class LogRecordTests : IClassFixture<SwtpmFixture>, IDisposable
{
    private readonly SwtpmFixture _swtpm;
    private readonly TempDirectory _directory = new();

    public LogRecordTests(SwtpmFixture swtpm)
    {
        _swtpm = swtpm;
        if (Swtpm.Available)
        {
            _swtpm.Tool("tpm2_pcrreset", "23");
        }
    }

    private string Backend => $"tpm:{_swtpm.Uri}";

    private string LogPath => _directory.File("eventlog");

    public void Dispose() => _directory.Dispose();

    [SwtpmFact]
    public void Recorded_events_land_in_every_bank_of_PCR_23_as_tpm2_pcrread_sees_and_verify_passes()
    {
        CliResult first = Record("github.com/confidential-containers", "PullImage", "{\"image\":\"busybox\"}");
        CliResult second = Record("example.com", "Start", "worker one");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal("entry 1 -> pcr23:sha1, pcr23:sha256, pcr23:sha384", first.Stdout.Trim());
        Assert.Equal("entry 2 -> pcr23:sha1, pcr23:sha256, pcr23:sha384", second.Stdout.Trim());
        string[] lines = File.ReadAllLines(LogPath);
        Assert.Equal("INIT sha384/" + new string('0', 96), lines[0]);
        Assert.Equal(Replay(SHA1.HashData, lines, 20), _swtpm.PcrRead("sha1", 23));
        Assert.Equal(Replay(SHA256.HashData, lines, 32), _swtpm.PcrRead("sha256", 23));
        Assert.Equal(Replay(SHA384.HashData, lines, 48), _swtpm.PcrRead("sha384", 23));

        CliResult verify = TsmCli.Run("log", "verify", "--log", LogPath, "--backend", Backend);

        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Equal(3, verify.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(": match (3 entries", StringComparison.Ordinal)));
    }

    [SwtpmFact]
    public void A_PCR_extended_behind_the_log_makes_record_exit_1_with_both_values_and_verify_explain_it()
    {
        Assert.Equal(0, Record("example.com", "Start", "a").ExitCode);
        string expected = Convert.ToHexStringLower(_swtpm.PcrRead("sha384", 23));
        _swtpm.Tool("tpm2_pcrextend", "23:sha384=" + new string('1', 96));
        string actual = Convert.ToHexStringLower(_swtpm.PcrRead("sha384", 23));
        long length = new FileInfo(LogPath).Length;

        CliResult record = Record("example.com", "Start", "b");
        CliResult verify = TsmCli.Run("log", "verify", "--log", LogPath, "--backend", Backend, "--json");

        Assert.Equal(1, record.ExitCode);
        string error = Assert.Single(record.StderrLines);
        Assert.Contains(actual, error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(LogPath).Length);
        Assert.Equal(1, verify.ExitCode);
        using JsonDocument json = JsonDocument.Parse(verify.Stdout);
        Assert.False(json.RootElement.GetProperty("verified").GetBoolean());
        JsonElement sha384 = json.RootElement.GetProperty("banks").EnumerateArray().Single(b => b.GetProperty("bank").GetString() == "sha384");
        Assert.Equal("mismatch", sha384.GetProperty("verdict").GetString());
        Assert.Equal(actual, sha384.GetProperty("actual").GetString());
        Assert.Equal(expected, sha384.GetProperty("expected").GetString());
    }

    [SwtpmFact]
    public void Show_lists_every_event_with_its_register_domain_operation_and_content()
    {
        Record("github.com/confidential-containers", "PullImage", "{\"image\":\"busybox\"}");

        CliResult show = TsmCli.Run("log", "show", LogPath, "--json", "--register", "pcr23");

        Assert.True(show.ExitCode == 0, show.Stderr);
        using JsonDocument json = JsonDocument.Parse(show.Stdout);
        Assert.Equal("aael", json.RootElement.GetProperty("format").GetString());
        JsonElement[] events = [.. json.RootElement.GetProperty("events").EnumerateArray()];
        Assert.Equal(2, events.Length);
        Assert.All(events, e => Assert.Equal("pcr23", e.GetProperty("register").GetString()));
        Assert.Equal("sha384/" + new string('0', 96), events[0].GetProperty("content").GetString());
        Assert.Equal("github.com/confidential-containers", events[1].GetProperty("domain").GetString());
        Assert.Equal("PullImage", events[1].GetProperty("operation").GetString());
        Assert.Equal("{\"image\":\"busybox\"}", events[1].GetProperty("content").GetString());
    }

    [SwtpmFact]
    public void A_file_that_is_not_a_measurement_log_exits_2_with_one_line_naming_it()
    {
        File.WriteAllText(LogPath, "not an aael\n");

        CliResult record = Record("example.com", "Start", "a");

        Assert.Equal(2, record.ExitCode);
        Assert.Contains(LogPath, Assert.Single(record.StderrLines), StringComparison.Ordinal);
    }

    [SwtpmFact]
    public void Four_processes_recording_at_once_leave_every_event_exactly_once_in_each_writers_order()
    {
        const int Writers = 4;
        const int Events = 8;
        Assert.Equal(0, Record("example.com", "Begin", "-").ExitCode);

        Parallel.For(0, Writers, writer =>
        {
            for (int i = 0; i < Events; i++)
            {
                CliResult result = TsmProcess.Run("log", "record", "--log", LogPath, "--backend", Backend, "example.com", $"writer{writer}", $"event{i}");
                Assert.True(result.ExitCode == 0, result.Stderr);
            }
        });

        CliResult verify = TsmCli.Run("log", "verify", "--log", LogPath, "--backend", Backend, "--json");
        Assert.True(verify.ExitCode == 0, verify.Stdout);
        string[] lines = File.ReadAllLines(LogPath);
        Assert.Equal(2 + (Writers * Events), lines.Length);
        for (int writer = 0; writer < Writers; writer++)
        {
            Assert.Equal(Enumerable.Range(0, Events).Select(i => $"example.com writer{writer} event{i}"), lines.Where(l => l.Contains($" writer{writer} ", StringComparison.Ordinal)));
        }
    }

    [SwtpmTheory]
    [InlineData("BeforeAppend", 2)]
    [InlineData("AfterAppend", 3)]
    [InlineData("AfterFsync", 3)]
    [InlineData("AfterExtend", 3)]
    public void A_writer_killed_at_any_step_is_recovered_by_the_next_record_and_verify_passes(string step, int entriesAfterKill)
    {
        Assert.Equal(0, Record("example.com", "Begin", "-").ExitCode);
        for (int round = 0; round < 3; round++)
        {
            int before = File.ReadAllLines(LogPath).Length;
            CliResult killed = TsmProcess.RunWith(new Dictionary<string, string> { ["TSM_LOG_KILL_AT"] = step }, "log", "record", "--log", LogPath, "--backend", Backend, "example.com", "Killed", $"round{round}");
            Assert.Equal(TsmProcess.Killed, killed.ExitCode);
            Assert.Equal(before + entriesAfterKill - 2, File.ReadAllLines(LogPath).Length);

            CliResult next = Record("example.com", "After", $"round{round}");

            Assert.True(next.ExitCode == 0, next.Stderr);
            CliResult verify = TsmCli.Run("log", "verify", "--log", LogPath, "--backend", Backend);
            Assert.True(verify.ExitCode == 0, verify.Stdout);
        }

        bool killedEntriesKept = entriesAfterKill == 3;
        Assert.Equal(killedEntriesKept ? 3 : 0, File.ReadAllLines(LogPath).Count(l => l.Contains(" Killed ", StringComparison.Ordinal)));
    }

    private CliResult Record(string domain, string operation, string content) =>
        TsmCli.Run("log", "record", "--log", LogPath, "--backend", Backend, domain, operation, content);

    private static byte[] Replay(Func<byte[], byte[]> hash, string[] lines, int size)
    {
        byte[] value = new byte[size];
        foreach (string line in lines)
        {
            value = hash([.. value, .. hash(Encoding.ASCII.GetBytes(line))]);
        }

        return value;
    }
}
