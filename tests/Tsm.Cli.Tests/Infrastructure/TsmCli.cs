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
}
