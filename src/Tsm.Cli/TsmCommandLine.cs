using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;
using Tsm.Cli.Commands;

namespace Tsm.Cli;

/// <summary>The command tree (<c>decode</c>, <c>verify</c>, <c>registers</c>, <c>extend</c>, <c>report</c>, <c>log show|replay|verify</c>, <c>schema new</c>) and its invocation with given output streams.</summary>
internal static class TsmCommandLine
{
    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ParseResult parsed = Create().Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            stderr.WriteLine($"tsm: {UsageError.Describe(parsed)}");
            return ExitCodes.Unusable;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The command tree, to parse a command line or complete one.</summary>
    public static RootCommand Create() =>
        new("Decode and verify confidential-computing evidence (Intel TDX quotes and TDREPORTs, AMD SEV-SNP reports, Arm CCA tokens), read and extend measurement registers, make evidence, show, replay and verify event logs, start vendor schemas.")
        {
            DecodeCommand.Create(),
            VerifyCommand.Create(),
            RegistersCommand.Create(),
            ExtendCommand.Create(),
            ReportCommand.Create(),
            LogCommand.Create(),
            SchemaCommand.Create(),
        };
}
