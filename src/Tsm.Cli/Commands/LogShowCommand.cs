using System.CommandLine;
using System.IO;
using Tsm.Cli.Output;
using Tsm.EventLog;
using Tsm.EventLog.Registers;

namespace Tsm.Cli.Commands;

/// <summary><c>tsm log show FILE [--json] [--register NAME]</c>: one row per event.</summary>
internal static class LogShowCommand
{
    public static Command Create()
    {
        Argument<FileInfo> file = InputFileSymbol.Argument("FILE", "The event log; its format is detected from the content.");
        Option<bool> json = new("--json") { Description = "Print JSON: every event with its register, type, full digests and decoding (AAEL: domain, operation, content)." };
        Option<string> register = LogFiles.RegisterOption();
        Command command = new("show", "List a log's events: number, register, type, digests and a short decoding of the data.") { file, json, register };
        command.SetAction(parsed =>
        {
            string path = InputFileSymbol.PathOf(parsed.GetRequiredValue(file));
            return CommandRunner.Run(parsed, path, stdout => Show(path, parsed.GetValue(json), LogFiles.Register(parsed.GetValue(register)), stdout));
        });
        return command;
    }

    private static int Show(string path, bool json, RegisterId? register, TextWriter stdout)
    {
        EventLogFile log = LogFiles.Read(path, register);
        if (json)
        {
            LogJsonWriter.WriteEvents(log, stdout);
        }
        else
        {
            LogTableWriter.WriteEvents(Path.GetFileName(path), log, stdout);
        }

        return ExitCodes.Success;
    }
}
