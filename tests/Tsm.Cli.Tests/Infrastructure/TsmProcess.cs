using System.Diagnostics;

namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built <c>tsm</c> (<c>tsm.dll</c>, copied beside the tests by the project reference) as a separate process,
/// for what an in-process run cannot show: several processes sharing an emulator state file, and a process killed
/// with SIGKILL.
/// </summary>
internal static class TsmProcess
{
    /// <summary>The exit code of a process killed by SIGKILL: 128 + 9.</summary>
    public const int Killed = 137;

    private static readonly string Tsm = Path.Combine(AppContext.BaseDirectory, "tsm.dll");

    /// <summary>Starts <c>dotnet tsm.dll ARGS</c> with its output redirected.</summary>
    public static Process Start(params string[] args) => StartWith(new Dictionary<string, string>(), args);

    /// <summary>Starts <c>dotnet tsm.dll ARGS</c> with <paramref name="environment"/> added to its environment.</summary>
    public static Process StartWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // The SDK names its own host for test runs; elsewhere dotnet is on the PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Tsm);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs <c>tsm ARGS</c> in its own process to the end.</summary>
    public static CliResult Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs <c>tsm ARGS</c> in its own process, with <paramref name="environment"/> added, to the end.</summary>
    public static CliResult RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using Process process = StartWith(environment, args);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException($"tsm {string.Join(' ', args)} did not finish in 2 minutes");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
