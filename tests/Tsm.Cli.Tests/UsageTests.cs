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

    [Theory]
    [InlineData(new[] { "decode", "x.bin", "--jsn" }, "tsm: unknown option '--jsn' for 'tsm decode'; did you mean '--json'? (see 'tsm decode --help')")]
    [InlineData(new[] { "verify", "--rot", "root.pem", "quote.dat" }, "tsm: unknown option '--rot' for 'tsm verify'; did you mean '--root'? (see 'tsm verify --help')")]
    [InlineData(new[] { "verfy", "quote.dat" }, "tsm: unknown command 'verfy' for 'tsm'; did you mean 'verify'? (see 'tsm --help')")]
    [InlineData(new[] { "decode", "x.bin", "--colour" }, "tsm: unknown option '--colour' for 'tsm decode' (see 'tsm decode --help')")]
    [InlineData(new[] { "log", "show", "x.log", "--jsn" }, "tsm: unknown option '--jsn' for 'tsm log show'; did you mean '--json'? (see 'tsm log show --help')")]
    public void A_mistyped_option_or_command_is_named_in_one_line_with_the_closest_real_one(string[] args, string expected)
    {
        CliResult result = TsmCli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.StderrLines));
    }
}
