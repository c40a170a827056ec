using System.Diagnostics;

namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built <c>tsm</c> as its own process (<c>dotnet tsm.dll</c> from this test's output), for what only separate
/// processes show: several writers on one machine, and a writer killed with SIGKILL.
/// </summary>
internal static class TsmProcess
{
    /// <summary>The exit code of a process killed by SIGKILL: 128 + 9.</summary>
    public const int Killed = 137;

    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "tsm.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    public static CliResult Run(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using Process process = Start(environment, args);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tsm {string.Join(' ', args)} did not finish in 120 s");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
