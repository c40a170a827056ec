using System;
using System.IO;

namespace Tsm.Cli;

/// <summary>The <c>tsm</c> command. <see cref="Run(string[], TextWriter, TextWriter)"/> is the whole program with its streams passed in, so tests call it in-process.</summary>
public static class Program
{
    /// <summary>Runs <c>tsm</c> on the console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code: 0 success, 1 a verification check failed, 2 undecodable input or a usage error.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs <c>tsm</c> with <paramref name="args"/>, writing results to <paramref name="stdout"/> and errors to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Receives tables, JSON and help.</param>
    /// <param name="stderr">Receives error messages, one line each.</param>
    /// <returns>The exit code: 0 success, 1 a verification check failed, 2 undecodable input or a usage error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return TsmCommandLine.Invoke(args, stdout, stderr);
    }

    /// <summary>Like <see cref="Run(string[], TextWriter, TextWriter)"/>, with <paramref name="stdin"/> as what a <c>-</c> file argument reads.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Receives tables, JSON and help.</param>
    /// <param name="stderr">Receives error messages, one line each.</param>
    /// <param name="stdin">Read for the file name <c>-</c>.</param>
    /// <returns>The exit code: 0 success, 1 a verification check failed, 2 undecodable input or a usage error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream stdin)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        using IDisposable scope = Commands.InputFile.UseStandardInput(stdin);
        return Run(args, stdout, stderr);
    }
}
