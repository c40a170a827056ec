using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Tsm.EventLog.Recording;

namespace Tsm.Cli.Commands;

/// <summary>
/// <c>tsm log record --log FILE [--format aael|cel] [--role R] [--vendor V] [--backend B] DOMAIN OPERATION CONTENT</c>: recovers an
/// interrupted record, then appends the event to the AAEL and extends it into every bank of the role's register.
/// Exit 0 recorded; 1 when the register holds something the log cannot explain (both values on stderr); 2 unusable
/// input or log; 3 the device failed.
/// </summary>
internal static class LogRecordCommand
{
    /// <summary>
    /// Names a step of the record at which the process kills itself with SIGKILL: how the crash tests stop a real
    /// writer at every step (docs/eventlog.md, "Recording").
    /// </summary>
    public const string KillAtVariable = "TSM_LOG_KILL_AT";

    public static Command Create()
    {
        Option<string> log = new("--log") { Description = "The measurement log (AAEL text); created with an INIT entry when it does not exist.", HelpName = "FILE", Required = true };
        log.CompletionSources.Add(FileNameCompletion.Complete);
        LogTarget target = LogTarget.Create();
        Option<string> format = new("--format") { Description = "The format of a new log: aael (default, the attestation agent's text) or cel (TCG CEL TLV, every bank's start recorded). An existing log keeps its own.", HelpName = "FORMAT", DefaultValueFactory = _ => "aael" };
        format.AcceptOnlyFromAmong("aael", "cel");
        Argument<string> domain = new("DOMAIN") { Description = "Who defines the event, e.g. github.com/confidential-containers (printable ASCII, no spaces)." };
        Argument<string> operation = new("OPERATION") { Description = "What happened, e.g. PullImage (printable ASCII, no spaces)." };
        Argument<string> content = new("CONTENT") { Description = "The event's details, e.g. RFC 8785 JSON (printable ASCII)." };
        Command command = new("record", "Record an event: append it to a measurement log (fsync'ed first), then extend it into the role's register.") { log, format, domain, operation, content };
        target.AddTo(command);
        command.SetAction(parsed =>
        {
            string path = parsed.GetRequiredValue(log);
            MeasurementLogFormat logFormat = parsed.GetValue(format) == "cel" ? MeasurementLogFormat.CelTlv : MeasurementLogFormat.Aael;
            return CommandRunner.Run(parsed, path, stdout => Record(parsed, target, path, logFormat, parsed.GetRequiredValue(domain), parsed.GetRequiredValue(operation), parsed.GetRequiredValue(content), stdout));
        });
        return command;
    }

    private static int Record(ParseResult parsed, LogTarget target, string path, MeasurementLogFormat format, string domain, string operation, string content, TextWriter stdout)
    {
        (MeasurementPlatform platform, LogicalRegister register) = target.Open(parsed);
        using (platform)
        {
            var options = new MeasurementLogOptions { Format = format, OnStep = KillAt(Environment.GetEnvironmentVariable(KillAtVariable)) };
            try
            {
                using MeasurementLog measurementLog = MeasurementLog.Open(path, register, options);
                if (measurementLog.Recovery is MeasurementRecovery.CompletedLastEntry or MeasurementRecovery.DiscardedPartialEntry)
                {
                    parsed.InvocationConfiguration.Error.WriteLine($"tsm: {path}: recovered an interrupted record: {RecoveryText(measurementLog.Recovery)}");
                }

                RecordedEvent recorded = measurementLog.Record(domain, operation, content);
                stdout.WriteLine($"entry {recorded.Number} -> {string.Join(", ", register.QualifiedNames)}");
                return ExitCodes.Success;
            }
            catch (MeasurementLogMismatchException mismatch)
            {
                parsed.InvocationConfiguration.Error.WriteLine($"tsm: {mismatch.Message}");
                return ExitCodes.CheckFailed;
            }
            catch (MeasurementLogException error)
            {
                throw new InputException(error.Message);
            }
            catch (ArgumentException error)
            {
                throw new InputException(error.Message);
            }
        }
    }

    private static string RecoveryText(MeasurementRecovery recovery) => recovery == MeasurementRecovery.CompletedLastEntry
        ? "the last entry was durable but not extended; it is extended now"
        : "a partial last line (no LF) was cut off";

    private static Action<MeasurementLogStep>? KillAt(string? step)
    {
        if (string.IsNullOrEmpty(step))
        {
            return null;
        }

        MeasurementLogStep target = Enum.GetValues<MeasurementLogStep>().FirstOrDefault(s => string.Equals(s.ToString(), step, StringComparison.OrdinalIgnoreCase), (MeasurementLogStep)(-1));
        if (!Enum.IsDefined(target))
        {
            throw new InputException($"{KillAtVariable}={step} names no step; use {string.Join(", ", Enum.GetNames<MeasurementLogStep>())}");
        }

        return current =>
        {
            if (current == target)
            {
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            }
        };
    }
}
