using System.Globalization;
using System.IO;
using Tsm.EventLog.Recording;

namespace Tsm.Cli.Output;

/// <summary>The text of <c>tsm log verify --backend</c>: one verdict line per bank, then the entries that explain a mismatch.</summary>
internal static class MeasurementLogTableWriter
{
    public static void WriteCheck(MeasurementLogCheck check, TextWriter output)
    {
        foreach (BankCheck bank in check.Banks)
        {
            output.WriteLine(Verdict(bank));
        }

        foreach (BaselineCheck start in check.Baseline)
        {
            if (!start.Matches)
            {
                output.WriteLine(start.IsFirmwareChecked
                    ? $"{start.Register}: start: the log's INIT records {start.RecordedHex}, but {start.Source} replays the register to {start.ExpectedHex}"
                    : $"{start.Register}: start: the log's INIT records {start.RecordedHex}, not the reset value; give the firmware's log (--firmware-log) to check it");
            }
            else if (start.IsFirmwareChecked)
            {
                output.WriteLine($"{start.Register}: start: the log's INIT is what {start.Source} explains");
            }
        }

        if (check.PartialEntryOffset >= 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"note: the log ends in a partial line at offset {check.PartialEntryOffset} (a writer stopped while appending; it was never extended, and the next record cuts it off)"));
        }

        if (check.IsVerified)
        {
            return;
        }

        output.WriteLine("entries:");
        foreach (LoggedEntry entry in check.Entries)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {entry.Number,4}  {entry.Text}"));
        }
    }

    private static string Verdict(BankCheck bank)
    {
        string head = string.Create(CultureInfo.InvariantCulture, $"{bank.Register}: ");
        if (bank.Matches)
        {
            return head + string.Create(CultureInfo.InvariantCulture, $"match ({bank.Entries} entries, {bank.ActualHex})");
        }

        string values = string.Create(CultureInfo.InvariantCulture, $"the register holds {bank.ActualHex}, the log's {bank.Entries} entries replay to {bank.ExpectedHex}");
        if (bank.IsPending)
        {
            return head + string.Create(CultureInfo.InvariantCulture, $"mismatch: {values}; entry {bank.Entries - 1} is in the log but not in the register (a writer stopped between its fsync and its extend; the next record completes it)");
        }

        return bank.ExplainedBy >= 0
            ? head + string.Create(CultureInfo.InvariantCulture, $"mismatch: {values}; only the first {bank.ExplainedBy} entries are in the register")
            : head + $"mismatch: {values}; no prefix of the log explains the register: it was extended behind the log's back, or the log belongs to another register";
    }
}
