using System.CommandLine;
using System.IO;
using System.Linq;
using Tsm.Cli.Output;
using Tsm.EventLog.Verification;

namespace Tsm.Cli.Commands;

/// <summary>
/// <c>tsm log verify --log FILE... --evidence FILE [--json] [--allow-prefix]</c> or <c>tsm log verify --log FILE
/// --backend B [--vendor V] [--role R] [--firmware-log CCEL] [--json]</c>: exit 0 when every register the logs cover matches, 1 when one does
/// not (the explanation names the register and the event), 2 on unusable input.
/// </summary>
internal static class LogVerifyCommand
{
    public static Command Create()
    {
        Option<FileInfo[]> logs = InputFileSymbol.Options("--log", "A log to replay; repeat for several (e.g. the CCEL for RTMR0-2, then an application log for RTMR3).");
        logs.Required = true;
        Option<FileInfo> evidence = InputFileSymbol.Option(
            "--evidence",
            "What states the register values: a TD quote, a TDREPORT, tpm2_pcrread YAML, or JSON as tsm log replay --json prints it.");
        LogTarget target = LogTarget.Create();
        Option<FileInfo> firmwareLog = InputFileSymbol.Option("--firmware-log", "With --backend: the firmware's log (the CCEL), against which the measurement log's INIT start is checked instead of the reset value.");
        Option<bool> json = new("--json") { Description = "Print the verdicts as JSON." };
        Option<bool> allowPrefix = new("--allow-prefix") { Description = "Accept a register that the first N events of its log reproduce (events logged after the evidence was taken)." };
        Command command = new("verify", "Verify logs against evidence, or a measurement log against the live registers (--backend): replay and compare every register.") { logs, evidence, json, allowPrefix, firmwareLog };
        target.AddTo(command);
        command.Validators.Add(result =>
        {
            bool live = target.IsGiven(result);
            if (live == (result.GetResult(evidence) is not null))
            {
                result.AddError("give either --evidence FILE or the live registers (--backend B, --vendor V, --role R)");
            }
            else if (live && (result.GetValue(logs)?.Length ?? 0) != 1)
            {
                result.AddError("checking against the live registers takes exactly one --log: the measurement log of one register");
            }
            else if (!live && result.GetResult(firmwareLog) is not null)
            {
                result.AddError("--firmware-log goes with the live registers (--backend); with --evidence give the firmware log as another --log");
            }
        });
        command.SetAction(parsed =>
        {
            if (target.IsGiven(parsed))
            {
                string logPath = InputFileSymbol.PathOf(parsed.GetRequiredValue(logs)[0]);
                return CommandRunner.Run(parsed, logPath, stdout => LiveLogCheck.Run(parsed, target, logPath, InputFileSymbol.PathOf(parsed.GetValue(firmwareLog)), parsed.GetValue(json), stdout));
            }

            string evidencePath = InputFileSymbol.PathOf(parsed.GetRequiredValue(evidence));
            string[] logPaths = parsed.GetRequiredValue(logs).Select(static f => InputFileSymbol.PathOf(f)).ToArray();
            return CommandRunner.Run(parsed, evidencePath, stdout => Verify(logPaths, evidencePath, parsed.GetValue(json), parsed.GetValue(allowPrefix), stdout));
        });
        return command;
    }

    private static int Verify(string[] logPaths, string evidencePath, bool json, bool allowPrefix, TextWriter stdout)
    {
        var logs = LogFiles.ReadAll(logPaths);
        ExpectedRegisters expected = LogFiles.ReadEvidence(evidencePath);
        LogVerification result = LogVerifier.Verify(logs, expected, allowPrefix);
        if (json)
        {
            LogJsonWriter.WriteVerification(result, stdout);
        }
        else
        {
            LogTableWriter.WriteVerification(Path.GetFileName(evidencePath), result, stdout);
        }

        return result.IsVerified ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}
