using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics.CodeAnalysis;
using System.IO;

namespace Tsm.Cli.Commands;

/// <summary>
/// Makes every argument and option that names a file <c>tsm</c> reads, so all behave alike: typed
/// <see cref="FileInfo"/>, checked when the command line is parsed (the file exists and is not a directory; <c>-</c>,
/// standard input, passes, for <see cref="InputFile.Read"/> to read), and completing file names. The check comes before any other work, so a typo
/// in a path never opens a device or an emulator state first; its line is the one <see cref="InputFile.Read"/> prints
/// for the same problem, which scripts match. Reading stays with <see cref="InputFile"/>, bounded, since a file can
/// vanish or grow between parse and read.
/// </summary>
/// <remarks>
/// System.CommandLine's own <c>AcceptExistingOnly()</c> is not used: it refuses <c>-</c> and words its errors
/// <c>File does not exist: 'PATH'.</c>, which would break the scripted contract.
/// </remarks>
internal static class InputFileSymbol
{
    private static readonly Action<ArgumentResult> ArgumentCheck = CheckTokens;

    private static readonly Action<OptionResult> OptionCheck = CheckTokens;

    /// <summary>A required positional input file.</summary>
    public static Argument<FileInfo> Argument(string name, string description) =>
        Prepare(new Argument<FileInfo>(name) { Description = description, HelpName = name });

    /// <summary>One or more positional input files, in order.</summary>
    public static Argument<FileInfo[]> Arguments(string name, string description) =>
        Prepare(new Argument<FileInfo[]>(name) { Description = description, HelpName = name, Arity = ArgumentArity.OneOrMore });

    /// <summary>An input file given by <paramref name="name"/> (help shows its value as <c>FILE</c>).</summary>
    public static Option<FileInfo> Option(string name, string description) =>
        Prepare(new Option<FileInfo>(name) { Description = description, HelpName = "FILE" });

    /// <summary>Input files given by repeating <paramref name="name"/> or listing several after it.</summary>
    public static Option<FileInfo[]> Options(string name, string description) =>
        Prepare(new Option<FileInfo[]>(name) { Description = description, HelpName = "FILE", AllowMultipleArgumentsPerToken = true });

    /// <summary>Whether <paramref name="error"/> is about an input file (printed as <c>tsm: PATH: REASON</c>, without a pointer to the help).</summary>
    public static bool IsAbout(ParseError error) => error.SymbolResult switch
    {
        ArgumentResult argument => argument.Argument.Validators.Contains(ArgumentCheck),
        OptionResult option => option.Option.Validators.Contains(OptionCheck),
        _ => false,
    };

    /// <summary>
    /// The path as it was typed (<see cref="FileSystemInfo.ToString"/> is the original path), for messages and for
    /// <see cref="InputFile.Read"/>, which reads <c>-</c> as standard input; null for an option not given.
    /// </summary>
    [return: NotNullIfNotNull(nameof(file))]
    public static string? PathOf(FileInfo? file) => file?.ToString();

    // Help names the value (HelpName): without it, help would list the completions, the current directory's files.
    private static Argument<T> Prepare<T>(Argument<T> argument)
    {
        argument.Validators.Add(ArgumentCheck);
        argument.CompletionSources.Add(FileNameCompletion.Complete);
        return argument;
    }

    private static Option<T> Prepare<T>(Option<T> option)
    {
        option.Validators.Add(OptionCheck);
        option.CompletionSources.Add(FileNameCompletion.Complete);
        return option;
    }

    private static void CheckTokens(SymbolResult result)
    {
        foreach (Token token in result.Tokens)
        {
            if (Problem(token.Value) is { } reason)
            {
                result.AddError($"{token.Value}: {reason}");
                return;
            }
        }
    }

    // The reasons are InputFile.Read's, so the line is the same whichever finds the problem.
    private static string? Problem(string path) =>
        path == "-" ? null
        : Directory.Exists(path) ? InputFile.IsADirectory
        : File.Exists(path) ? null
        : InputFile.NoSuchFile;
}
