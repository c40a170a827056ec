using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Tsm.EventLog;
using Tsm.EventLog.Replay;
using Tsm.EventLog.Verification;

namespace Tsm.Cli.Output;

/// <summary><c>tsm log show | replay | verify</c> for people.</summary>
internal static class LogTableWriter
{
    /// <summary>Digests in the event table show this many hex digits; <c>--json</c> has them in full.</summary>
    private const int DigestPreview = 16;

    /// <summary>The decoding column is cut at this many characters.</summary>
    private const int DescriptionWidth = 100;

    public static void WriteEvents(string fileName, EventLogFile log, TextWriter output)
    {
        IReadOnlyList<LogEventSummary> events = log.Describe();
        output.WriteLine($"{fileName}: {log.Format.Name()}, {events.Count} events");
        int typeWidth = Math.Max(4, events.Select(e => e.TypeName.Length).DefaultIfEmpty(0).Max()) + 2;
        output.WriteLine("#".PadRight(6) + "register".PadRight(10) + "type".PadRight(typeWidth) + "digests / data");
        foreach (LogEventSummary e in events)
        {
            string digests = string.Join(' ', e.Digests.Select(d => $"{LogNames.Bank(d.Key)}:{d.Value[..Math.Min(DigestPreview, d.Value.Length)]}…"));
            string description = e.Description.ReplaceLineEndings(" ");
            if (description.Length > DescriptionWidth)
            {
                description = description[..DescriptionWidth] + "…";
            }

            output.WriteLine($"{e.Number,-6}{e.Register.Name,-10}{e.TypeName.PadRight(typeWidth)}{digests}  {description}");
        }
    }

    public static void WriteReplay(IReadOnlyList<EventLogFile> logs, RegisterValues values, TextWriter output)
    {
        output.WriteLine($"{LogNames.Formats(logs)}: {values.Count} register banks");
        foreach (RegisterValue value in values)
        {
            output.WriteLine($"{value.Name,-8}{LogNames.Bank(value.Bank),-8}{LowerHex(value.Value.Span)}  ({value.EventCount} events)");
        }

        foreach (MeasurementHash skipped in values.SkippedBanks)
        {
            output.WriteLine($"not replayed: the {skipped} bank (no implementation on this platform)");
        }
    }

    public static void WriteVerification(string evidenceName, LogVerification result, TextWriter output)
    {
        string counts = string.Join(", ", result.Verdicts.GroupBy(v => v.Kind).Select(g => $"{g.Count()} {LogNames.Verdict(g.Key)}"));
        output.WriteLine($"{evidenceName}: {(result.IsVerified ? "verified" : "NOT verified")} ({counts})");
        foreach (RegisterVerdict verdict in result.Verdicts)
        {
            string label = verdict.IsVerified(result.AllowPrefix) ? LogNames.Verdict(verdict.Kind) : LogNames.Verdict(verdict.Kind).ToUpperInvariant();
            output.WriteLine($"{label,-14}{verdict.Register.Name,-8}{LogNames.Bank(verdict.Bank)}");
        }

        foreach (RegisterVerdict verdict in result.Verdicts.Where(v => !v.IsVerified(result.AllowPrefix)))
        {
            Explain(verdict, output);
        }
    }

    private static void Explain(RegisterVerdict verdict, TextWriter output)
    {
        string name = verdict.Register.Name;
        output.WriteLine();
        output.WriteLine($"{name}: stated   {LowerHex(verdict.Expected.Value.Span)}");
        output.WriteLine($"{name}: replayed {LowerHex(verdict.Replayed!.Value.Span)} from {verdict.EventCount} events");
        if (verdict.Kind == VerdictKind.PrefixMatch)
        {
            output.WriteLine($"{name}: the first {verdict.PrefixEvents} of its {verdict.EventCount} events reproduce the stated value");
        }

        if (verdict.FirstDisagreement is { } bad)
        {
            output.WriteLine($"{name}: event {bad.Number} ({bad.TypeName}) in {Path.GetFileName(bad.Log)}: its {LogNames.Bank(verdict.Bank)} digest is not the hash of its data");
        }
        else
        {
            output.WriteLine($"{name}: every event whose type defines its digest agrees with its data; the difference is in events whose digest covers data the log does not hold");
        }

        foreach (ExplainedEvent e in verdict.Events)
        {
            string check = e.DataDigestAgrees switch { true => "data ok", false => "DATA DIFFERS", null => "" };
            output.WriteLine($"  event {e.Number,-4} {e.TypeName,-34} {LowerHex(e.Digest.Span)[..DigestPreview]}… -> {LowerHex(e.RunningValue.Span)[..DigestPreview]}…  {check}".TrimEnd());
        }
    }

    private static string LowerHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
