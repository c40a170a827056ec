using System.CommandLine;
using System.IO;
using System.Linq;
using Tsm.Cli.Output;
using Tsm.EventLog;
using Tsm.EventLog.Replay;

namespace Tsm.Cli.Commands;

/// <summary><c>tsm log replay FILE... [--json]</c>: the register values the logs produce.</summary>
internal static class LogReplayCommand
{
    public static Command Create()
    {
        Argument<FileInfo[]> files = InputFileSymbol.Arguments("FILE", "The logs, replayed in order into one set of registers.");
        Option<bool> json = new("--json") { Description = "Print {\"format\": ..., \"registers\": {\"pcr0\": {\"sha256\": \"<hex>\"}}}." };
        Command command = new("replay", "Replay logs: the value of every register bank their events extend.") { files, json };
        command.SetAction(parsed =>
        {
            string[] paths = parsed.GetRequiredValue(files).Select(static f => InputFileSymbol.PathOf(f)).ToArray();
            return CommandRunner.Run(parsed, paths[0], stdout => Replay(paths, parsed.GetValue(json), stdout));
        });
        return command;
    }

    private static int Replay(string[] paths, bool json, TextWriter stdout)
    {
        var logs = LogFiles.ReadAll(paths);
        RegisterValues values = LogReplay.Replay(logs);
        if (json)
        {
            LogJsonWriter.WriteReplay(logs, values, stdout);
        }
        else
        {
            LogTableWriter.WriteReplay(logs, values, stdout);
        }

        return ExitCodes.Success;
    }
}
