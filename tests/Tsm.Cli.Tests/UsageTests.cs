using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>The command line itself: help, and usage errors (exit code 2).</summary>
public sealed class UsageTests
{
    [Fact]
    public void Help_lists_the_commands_and_exits_with_0()
    {
        CliResult result = TsmCli.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("decode", result.Stdout);
        Assert.Contains("verify", result.Stdout);
    }

    [Fact]
    public void Decode_help_names_the_formats()
    {
        CliResult result = TsmCli.Run("decode", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--format", result.Stdout);
        Assert.Contains("tdquote", result.Stdout);
        Assert.Contains("--json", result.Stdout);
    }

    [Fact]
    public void No_command_is_a_usage_error_with_exit_code_2()
    {
        CliResult result = TsmCli.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("tsm: ", result.Stderr);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_with_exit_code_2()
    {
        CliResult result = TsmCli.Run("decode", "x.bin", "--format", "pdf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pdf", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Decode_without_a_file_is_a_usage_error_with_exit_code_2()
    {
        Assert.Equal(2, TsmCli.Run("decode").ExitCode);
    }
}
