namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>Runs the <c>tsm</c> entry point in-process with captured standard output and standard error.</summary>
internal static class TsmCli
{
    public static CliResult Run(params string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exitCode = Program.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <paramref name="stdin"/> as what the file name <c>-</c> reads.</summary>
    public static CliResult RunWithInput(Stream stdin, params string[] args)
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exitCode = Program.Run(args, stdout, stderr, stdin);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
