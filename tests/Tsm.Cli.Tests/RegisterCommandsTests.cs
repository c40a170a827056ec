using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// <c>tsm registers</c> and <c>tsm extend</c>: the same contract for every vendor and backend, checked on the emulator
/// and on a real swtpm against tpm2-tools. Exit codes: 0 ok, 2 bad input, 3 a device or TPM failure.
/// </summary>
public sealed class RegisterCommandsTests(SwtpmFixture swtpm) : IClassFixture<SwtpmFixture>
{
    [Fact]
    public void Registers_json_is_keyed_by_the_kernel_style_qualified_name()
    {
        CliResult result = TsmCli.Run("registers", "--vendor", "tdx", "--backend", "emulated", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("tdx", json.RootElement.GetProperty("vendor").GetString());
        Assert.Equal("emulated", json.RootElement.GetProperty("backend").GetString());
        string[] names = json.RootElement.GetProperty("registers").EnumerateObject().Select(static p => p.Name).ToArray();
        Assert.Equal(["rtmr0:sha384", "rtmr1:sha384", "rtmr2:sha384", "rtmr3:sha384", "mrtd:sha384", "mrconfigid", "mrowner", "mrownerconfig"], names);
        Assert.Equal(new string('0', 96), json.RootElement.GetProperty("registers").GetProperty("rtmr3:sha384").GetString());
    }

    [Fact]
    public void A_hash_choice_register_is_named_with_the_hash_the_platform_chose()
    {
        CliResult result = TsmCli.Run("registers", "--vendor", "arm-cca", "--backend", "emulated", "--json");

        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("registers").TryGetProperty("rem3:sha256", out _), result.Stdout);
    }

    [Fact]
    public void The_table_shows_size_hash_and_mutability()
    {
        CliResult result = TsmCli.Run("registers", "--vendor", "tsm-mr-sample", "--backend", "emulated");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Stdout.Split('\n'), line => line.Contains("rtmr1:sha384", StringComparison.Ordinal) && line.Contains("extendable, live", StringComparison.Ordinal));
        Assert.Contains(result.Stdout.Split('\n'), line => line.Contains("config_mr", StringComparison.Ordinal) && line.Contains("none", StringComparison.Ordinal) && line.Contains("read-only", StringComparison.Ordinal));
    }

    [Fact]
    public void Extend_with_text_hashes_it_with_the_registers_own_hash_and_prints_old_and_new()
    {
        CliResult result = TsmCli.Run("extend", "--vendor", "tdx", "--backend", "emulated", "rtmr3:sha384", "--text", "hello");

        byte[] digest = SHA384.HashData("hello"u8);
        byte[] expected = SHA384.HashData([.. new byte[48], .. digest]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [$"rtmr3:sha384 old {new string('0', 96)}", $"rtmr3:sha384 new {Convert.ToHexStringLower(expected)}"],
            result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(new[] { "extend", "--vendor", "tdx", "--backend", "emulated", "mrtd", "--text", "x" }, "'mrtd:sha384' of Intel TDX is read-only")]
    [InlineData(new[] { "extend", "--vendor", "tdx", "--backend", "emulated", "rtmr4", "--text", "x" }, "Intel TDX has no register 'rtmr4'")]
    [InlineData(new[] { "extend", "--vendor", "tdx", "--backend", "emulated", "rtmr3", "--digest", "abcd" }, "--digest has 2 bytes, but 'rtmr3:sha384' takes exactly 48")]
    [InlineData(new[] { "extend", "--vendor", "tdx", "--backend", "emulated", "rtmr3", "--digest", "xyz" }, "--digest 'xyz' is not hex")]
    [InlineData(new[] { "extend", "--vendor", "tpm", "--backend", "emulated", "pcr16", "--digest", "00" }, "'pcr16' has one register per bank")]
    [InlineData(new[] { "extend", "--vendor", "tdx", "--backend", "emulated", "rtmr3" }, "give exactly one of --digest, --text and --data-file")]
    [InlineData(new[] { "registers", "--vendor", "tdx", "--backend", "nvram" }, "--backend 'nvram' is not a backend")]
    [InlineData(new[] { "registers", "--vendor", "tdx", "--backend", "configfs" }, "--backend configfs serves reports")]
    [InlineData(new[] { "registers", "--vendor", "sgx" }, "sgx")]
    public void Bad_input_exits_2_with_one_line_saying_what(string[] args, string expected)
    {
        CliResult result = TsmCli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_device_exits_3_with_one_line_naming_the_path()
    {
        using TempDirectory empty = new();

        CliResult result = TsmCli.Run("registers", "--vendor", "tdx", "--backend", $"sysfs:{empty.Path}/measurements");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{empty.Path}/measurements", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [SwtpmFact]
    public void A_bare_pcr_name_extends_every_allocated_bank_of_a_real_tpm_in_one_command_as_tpm2_pcrread_confirms()
    {
        byte[] data = Encoding.UTF8.GetBytes("measured by tsm extend");
        var before = new Dictionary<string, byte[]> { ["sha1"] = swtpm.PcrRead("sha1", 16), ["sha256"] = swtpm.PcrRead("sha256", 16), ["sha384"] = swtpm.PcrRead("sha384", 16) };

        CliResult result = TsmCli.Run("extend", "--vendor", "tpm", "--backend", $"tpm:{swtpm.Uri}", "pcr16", "--text", "measured by tsm extend");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(SHA1.HashData([.. before["sha1"], .. SHA1.HashData(data)]), swtpm.PcrRead("sha1", 16));
        Assert.Equal(SHA256.HashData([.. before["sha256"], .. SHA256.HashData(data)]), swtpm.PcrRead("sha256", 16));
        Assert.Equal(SHA384.HashData([.. before["sha384"], .. SHA384.HashData(data)]), swtpm.PcrRead("sha384", 16));
        Assert.Equal(6, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("sha512", result.Stdout, StringComparison.Ordinal);
    }

    [SwtpmFact]
    public void Registers_on_a_real_tpm_match_tpm2_pcrread_and_leave_out_the_unallocated_bank()
    {
        CliResult result = TsmCli.Run("registers", "--vendor", "tpm", "--backend", $"tpm:{swtpm.Uri}", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement registers = json.RootElement.GetProperty("registers");
        Assert.Equal(Convert.ToHexStringLower(swtpm.PcrRead("sha256", 17)), registers.GetProperty("pcr17:sha256").GetString());
        Assert.Equal(Convert.ToHexStringLower(swtpm.PcrRead("sha384", 0)), registers.GetProperty("pcr0:sha384").GetString());
        Assert.Equal(72, registers.EnumerateObject().Count());
        Assert.False(registers.TryGetProperty("pcr0:sha512", out _));
    }

    [SwtpmFact]
    public void A_locality_violation_exits_3_and_says_locality()
    {
        CliResult result = TsmCli.Run("extend", "--vendor", "tpm", "--backend", $"tpm:{swtpm.Uri}", "pcr17:sha256", "--text", "x");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("locality", Assert.Single(result.StderrLines), StringComparison.OrdinalIgnoreCase);
    }
}
