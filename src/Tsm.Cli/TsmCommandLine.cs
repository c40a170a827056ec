using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using Tsm.Cli.Commands;

namespace Tsm.Cli;

/// <summary>The command tree (<c>decode</c>, <c>verify</c>, <c>log show|replay|verify</c>) and its invocation with given output streams.</summary>
internal static class TsmCommandLine
{
    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        RootCommand root = new("Decode and verify confidential-computing evidence: Intel TDX quotes and TDREPORTs, AMD SEV-SNP reports, Arm CCA tokens; show, replay and verify event logs.")
        {
            DecodeCommand.Create(),
            VerifyCommand.Create(),
            LogCommand.Create(),
        };

        ParseResult parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"tsm: {error.Message}");
            }

            stderr.WriteLine("Run 'tsm --help' for usage.");
            return ExitCodes.Unusable;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }
}
