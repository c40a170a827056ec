using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// <c>--backend emulated:STATEFILE</c>: one emulated machine kept in a file, shared by every run and process of
/// <c>tsm</c>. A corrupted state file is unusable input (exit 2, one line naming the file).
/// </summary>
public sealed class EmulatedStateFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Backend => "emulated:" + StateFile;

    private string StateFile => _directory.File("machine.json");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Two_extends_in_separate_processes_leave_the_two_extend_chain_for_registers_to_show()
    {
        byte[] first = SHA384.HashData("first"u8);
        byte[] second = SHA384.HashData("second"u8);

        CliResult one = TsmProcess.Run("extend", "--vendor", "tdx", "--backend", Backend, "rtmr3:sha384", "--digest", Convert.ToHexString(first));
        CliResult two = TsmProcess.Run("extend", "--vendor", "tdx", "--backend", Backend, "rtmr3:sha384", "--digest", Convert.ToHexString(second));
        CliResult registers = TsmProcess.Run("registers", "--vendor", "tdx", "--backend", Backend, "--json");

        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.True(two.ExitCode == 0, two.Stderr);
        Assert.Equal(0, registers.ExitCode);
        byte[] expected = SHA384.HashData([.. SHA384.HashData([.. new byte[48], .. first]), .. second]);
        Assert.Equal(Convert.ToHexStringLower(expected), RegisterValue(registers.Stdout, "rtmr3:sha384"));
        Assert.Equal(Backend, JsonDocument.Parse(registers.Stdout).RootElement.GetProperty("backend").GetString());
    }

    [Fact]
    public void A_hostile_state_file_is_unusable_input_on_one_line_naming_the_file()
    {
        File.WriteAllText(StateFile, "{\"format\":\"tsm-emulator-state\",\"version\":1,\"selectedHash\":null,\"devices\":[{\"vendor\":\"tdx\"\n,\"inSync\":\"yes\"}]}");

        CliResult result = TsmCli.Run("registers", "--vendor", "tdx", "--backend", Backend);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StderrLines);
        Assert.StartsWith($"tsm: Emulator state file '{StateFile}' at byte 100: \"inSync\" must be true or false", line);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_bare_banked_name_extends_every_bank_in_one_transaction()
    {
        CliResult result = TsmCli.Run("extend", "--vendor", "tpm", "--backend", Backend, "pcr16", "--text", "event");
        CliResult registers = TsmCli.Run("registers", "--vendor", "tpm", "--backend", Backend, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData([.. new byte[32], .. SHA256.HashData("event"u8)])),
            RegisterValue(registers.Stdout, "pcr16:sha256"));
        Assert.Equal(
            Convert.ToHexStringLower(SHA1.HashData([.. new byte[20], .. SHA1.HashData("event"u8)])),
            RegisterValue(registers.Stdout, "pcr16:sha1"));
    }

    [Fact]
    public void A_report_from_the_state_file_carries_the_registers_that_extend_left_there()
    {
        string quote = _directory.File("quote.bin");
        TsmCli.Run("extend", "--vendor", "tdx", "--backend", Backend, "rtmr2:sha384", "--text", "app");

        CliResult report = TsmCli.Run("report", "--vendor", "tdx", "--backend", Backend, "--nonce", new string('a', 128), "--out", quote);
        CliResult decoded = TsmCli.Run("decode", quote, "--json");

        Assert.True(report.ExitCode == 0, report.Stderr);
        Assert.Equal(
            Convert.ToHexStringLower(SHA384.HashData([.. new byte[48], .. SHA384.HashData("app"u8)])),
            DecodedJson.Parse(decoded.Stdout).Hex("body.rtmr2"));
        Assert.Equal(2, TsmCli.Run("report", "--vendor", "tdx", "--backend", Backend, "--nonce", new string('a', 128), "--out", quote, "--seed", quote).ExitCode);
    }

    [Fact]
    public void Concurrent_processes_extending_their_own_registers_and_a_shared_one_end_at_the_expected_chains()
    {
        const int Rounds = 3;
        byte[] shared = SHA256.HashData("shared"u8);
        byte[][] rtmrs = [new byte[48], new byte[48], new byte[48], new byte[48]];
        byte[] pcr = new byte[32];
        for (int round = 0; round < Rounds; round++)
        {
            var processes = new List<Process>();
            for (int rtmr = 0; rtmr < 4; rtmr++)
            {
                byte[] digest = SHA384.HashData([(byte)rtmr, (byte)round]);
                processes.Add(TsmProcess.Start("extend", "--vendor", "tdx", "--backend", Backend, $"rtmr{rtmr}:sha384", "--digest", Convert.ToHexString(digest)));
                rtmrs[rtmr] = SHA384.HashData([.. rtmrs[rtmr], .. digest]);
            }

            // Two processes extend one register with one digest, so the chain does not depend on their order.
            for (int i = 0; i < 2; i++)
            {
                processes.Add(TsmProcess.Start("extend", "--vendor", "tpm", "--backend", Backend, "pcr16:sha256", "--digest", Convert.ToHexString(shared)));
                pcr = SHA256.HashData([.. pcr, .. shared]);
            }

            foreach (Process process in processes)
            {
                string stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, stderr);
                process.Dispose();
            }
        }

        CliResult tdx = TsmCli.Run("registers", "--vendor", "tdx", "--backend", Backend, "--json");
        CliResult tpm = TsmCli.Run("registers", "--vendor", "tpm", "--backend", Backend, "--json");
        for (int rtmr = 0; rtmr < 4; rtmr++)
        {
            Assert.Equal(Convert.ToHexStringLower(rtmrs[rtmr]), RegisterValue(tdx.Stdout, $"rtmr{rtmr}:sha384"));
        }

        Assert.Equal(Convert.ToHexStringLower(pcr), RegisterValue(tpm.Stdout, "pcr16:sha256"));
    }

    [Fact]
    public void A_process_killed_with_sigkill_at_any_moment_leaves_a_loadable_file_holding_a_prefix_of_its_extends()
    {
        const int Kills = 40;
        byte[] digest = SHA384.HashData("killed"u8);
        var chain = new List<string> { new('0', 96) };
        for (int i = 0; i < Kills + 1; i++)
        {
            chain.Add(Convert.ToHexStringLower(SHA384.HashData([.. Convert.FromHexString(chain[^1]), .. digest])));
        }

        // One complete run creates the file and sets the first delay; after that the delay moves towards the moment
        // the extend's transaction runs (shorter after a run that got to extend, longer after one that did not), so
        // the kills land around it.
        var stopwatch = Stopwatch.StartNew();
        Assert.Equal(0, TsmProcess.Run("extend", "--vendor", "tdx", "--backend", Backend, "rtmr1:sha384", "--digest", Convert.ToHexString(digest)).ExitCode);
        double delay = stopwatch.ElapsedMilliseconds;
        int completed = 1;
        int extended = 0;
        for (int kill = 0; kill < Kills; kill++)
        {
            using Process process = TsmProcess.Start("extend", "--vendor", "tdx", "--backend", Backend, "rtmr1:sha384", "--digest", Convert.ToHexString(digest));
            Thread.Sleep(TimeSpan.FromMilliseconds(delay));
            process.Kill();
            process.WaitForExit();

            CliResult registers = TsmCli.Run("registers", "--vendor", "tdx", "--backend", Backend, "--json");
            Assert.True(registers.ExitCode == 0, registers.Stderr);
            int position = chain.IndexOf(RegisterValue(registers.Stdout, "rtmr1:sha384"));
            Assert.InRange(position, completed, completed + 1);
            extended += position - completed;
            delay *= position > completed ? 0.85 : 1.1;
            completed = position;
        }

        Assert.InRange(extended, 1, Kills - 1);
    }

    private static string RegisterValue(string json, string name) =>
        JsonDocument.Parse(json).RootElement.GetProperty("registers").GetProperty(name).GetString()!;
}
