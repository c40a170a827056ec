using System;
using System.CommandLine;
using System.Linq;

namespace Tsm.Cli;

/// <summary>
/// The one line <c>tsm</c> prints for a command line it cannot parse: the first problem, naming the option or command
/// the user typed and the closest one that exists, so a typo is fixed without reading the help. When the only problem
/// is an input file that does not exist or is a directory, the line is <c>PATH: REASON</c>, without the pointer to the help.
/// </summary>
internal static class UsageError
{
    public static string Describe(ParseResult parsed)
    {
        Command command = parsed.CommandResult.Command;
        string where = $"'{PathOf(command)}'";
        string help = $"{PathOf(command)} --help";
        // A mistyped option can be taken for the FILE argument ('tsm verify --rot a x'); it is still the real mistake.
        string? misread = parsed.Tokens.FirstOrDefault(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal))?.Value;
        if (misread is not null || parsed.UnmatchedTokens.Count > 0)
        {
            string token = misread ?? parsed.UnmatchedTokens[0];
            bool isOption = token.StartsWith('-');
            string[] candidates = isOption
                ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).ToArray()
                : command.Subcommands.Select(c => c.Name).ToArray();
            string? closest = Closest(token, candidates);
            string kind = isOption ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
            return $"unknown {kind} '{token}' for {where}"
                + (closest is null ? string.Empty : $"; did you mean '{closest}'?")
                + $" (see '{help}')";
        }

        // A command line that is wrong is fixed first; a missing input file alone is the line reading it would print,
        // which scripts match, without the pointer to the help.
        System.CommandLine.Parsing.ParseError? misuse = parsed.Errors.FirstOrDefault(static e => !Commands.InputFileSymbol.IsAbout(e));
        if (misuse is null)
        {
            return parsed.Errors[0].Message;
        }

        // System.CommandLine lists allowed values one per line; the contract is one line.
        string message = string.Join(' ', misuse.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"{message} (see '{help}')";
    }

    // The command as typed from the root, 'tsm log show' rather than 'tsm show'.
    private static string PathOf(Command command) =>
        command.Parents.OfType<Command>().FirstOrDefault() is { } parent ? $"{PathOf(parent)} {command.Name}" : "tsm";

    // The candidate within an edit distance of a third of the token's length (at least 2), nearest first.
    private static string? Closest(string token, string[] candidates)
    {
        int limit = Math.Max(2, token.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: EditDistance(token, candidate)))
            .Where(pair => pair.Distance <= limit)
            .OrderBy(pair => pair.Distance)
            .ThenBy(pair => pair.Candidate, StringComparer.Ordinal)
            .Select(pair => pair.Candidate)
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        int[] current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
