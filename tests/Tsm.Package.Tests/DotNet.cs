using System.Diagnostics;

namespace Tsm.Package.Tests;

/// <summary>Runs the dotnet CLI, or a tool it installed, as a user would, capturing everything it prints.</summary>
internal static class DotNet
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments) =>
        Execute("dotnet", workingDirectory, arguments);

    /// <summary>Runs an installed tool's command (such as <c>tsm</c> from <c>dotnet tool install --tool-path</c>).</summary>
    public static (int ExitCode, string Output) Tool(string command, string workingDirectory, params string[] arguments) =>
        Execute(command, workingDirectory, arguments);

    private static (int ExitCode, string Output) Execute(string fileName, string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A child build must not reuse this test run's MSBuild node or inherit its test-host settings.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("VSTEST_HOST_DEBUG");

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in 8 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
