using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// <c>tsm log record</c> with TDX semantics on the file-backed emulator (<c>emulated:STATEFILE</c>), which several
/// processes share as they would share one machine's RTMR3.
/// </summary>
public sealed class LogRecordEmulatorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Backend => $"emulated:{_directory.File("machine.state")}";

    private string LogPath => _directory.File("eventlog");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Processes_recording_into_RTMR3_at_once_leave_every_event_once_in_each_writers_order()
    {
        const int Writers = 4;
        const int Events = 6;
        Assert.Equal(0, Record("Begin", "-").ExitCode);

        Parallel.For(0, Writers, writer =>
        {
            for (int i = 0; i < Events; i++)
            {
                CliResult result = TsmProcess.Run("log", "record", "--log", LogPath, "--vendor", "tdx", "--backend", Backend, "example.com", $"writer{writer}", $"event{i}");
                Assert.True(result.ExitCode == 0, result.Stderr);
                Assert.Equal("rtmr3:sha384", result.Stdout.Trim().Split(" -> ")[1]);
            }
        });

        CliResult verify = TsmCli.Run("log", "verify", "--log", LogPath, "--vendor", "tdx", "--backend", Backend);
        Assert.True(verify.ExitCode == 0, verify.Stdout);
        string[] lines = File.ReadAllLines(LogPath);
        Assert.Equal(2 + (Writers * Events), lines.Length);
        for (int writer = 0; writer < Writers; writer++)
        {
            Assert.Equal(Enumerable.Range(0, Events).Select(i => $"example.com writer{writer} event{i}"), lines.Where(l => l.Contains($" writer{writer} ", StringComparison.Ordinal)));
        }
    }

    [Theory]
    [InlineData("BeforeAppend", false)]
    [InlineData("AfterAppend", true)]
    [InlineData("AfterFsync", true)]
    [InlineData("AfterExtend", true)]
    public void A_writer_killed_at_any_step_is_recovered_by_the_next_record(string step, bool entryKept)
    {
        Assert.Equal(0, Record("Begin", "-").ExitCode);
        for (int round = 0; round < 2; round++)
        {
            CliResult killed = TsmProcess.RunWith(new Dictionary<string, string> { ["TSM_LOG_KILL_AT"] = step }, "log", "record", "--log", LogPath, "--vendor", "tdx", "--backend", Backend, "example.com", "Killed", $"round{round}");
            Assert.Equal(TsmProcess.Killed, killed.ExitCode);

            CliResult next = Record("After", $"round{round}");

            Assert.True(next.ExitCode == 0, next.Stderr);
            Assert.Equal(step == "AfterFsync" || step == "AfterAppend", next.Stderr.Contains("recovered", StringComparison.Ordinal));
            CliResult verify = TsmCli.Run("log", "verify", "--log", LogPath, "--vendor", "tdx", "--backend", Backend);
            Assert.True(verify.ExitCode == 0, verify.Stdout);
        }

        Assert.Equal(entryKept ? 2 : 0, File.ReadAllLines(LogPath).Count(l => l.Contains(" Killed ", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_extend_behind_the_log_makes_record_exit_1_and_verify_say_no_prefix_explains_it()
    {
        Assert.Equal(0, Record("Begin", "-").ExitCode);
        Assert.Equal(0, TsmCli.Run("extend", "--vendor", "tdx", "--backend", Backend, "rtmr3:sha384", "--text", "behind the log").ExitCode);

        CliResult record = Record("Next", "x");
        CliResult verify = TsmCli.Run("log", "verify", "--log", LogPath, "--vendor", "tdx", "--backend", Backend);

        Assert.Equal(1, record.ExitCode);
        Assert.Contains("behind the log's back", Assert.Single(record.StderrLines), StringComparison.Ordinal);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("no prefix of the log explains the register", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_CEL_log_shows_each_event_with_rtmr3_its_domain_operation_and_content()
    {
        CliResult record = TsmCli.Run("log", "record", "--log", LogPath, "--format", "cel", "--vendor", "tdx", "--backend", Backend, "github.com/confidential-containers", "PullImage", "{\"image\":\"busybox\"}");

        CliResult show = TsmCli.Run("log", "show", LogPath, "--json");
        CliResult verify = TsmCli.Run("log", "verify", "--log", LogPath, "--vendor", "tdx", "--backend", Backend);

        Assert.True(record.ExitCode == 0, record.Stderr);
        Assert.True(show.ExitCode == 0, show.Stderr);
        using var json = System.Text.Json.JsonDocument.Parse(show.Stdout);
        Assert.Equal("cel-tlv", json.RootElement.GetProperty("format").GetString());
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToArray();
        Assert.All(events, e => Assert.Equal("rtmr3", e.GetProperty("register").GetString()));
        Assert.StartsWith("sha384/", events[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("github.com/confidential-containers", events[1].GetProperty("domain").GetString());
        Assert.Equal("PullImage", events[1].GetProperty("operation").GetString());
        Assert.Equal("{\"image\":\"busybox\"}", events[1].GetProperty("content").GetString());
        Assert.True(verify.ExitCode == 0, verify.Stdout);
    }

    [Fact]
    public void A_backend_without_a_vendor_is_refused_naming_the_platforms_that_map_roles()
    {
        CliResult record = TsmCli.Run("log", "record", "--log", LogPath, "--backend", Backend, "example.com", "Start", "x");

        Assert.Equal(2, record.ExitCode);
        Assert.Contains("--vendor", Assert.Single(record.StderrLines), StringComparison.Ordinal);
    }

    private CliResult Record(string operation, string content) =>
        TsmCli.Run("log", "record", "--log", LogPath, "--vendor", "tdx", "--backend", Backend, "example.com", operation, content);
}
