using System.IO;
using Tsm.EventLog.Recording;

namespace Tsm.Cli.Output;

/// <summary>
/// <c>tsm log verify --backend --json</c>: <c>{"verified": true, "log": "...", "register": "rtmr3", "banks": [{"register":
/// "rtmr3:sha384", "bank": "sha384", "verdict": "match", "actual": "…", "expected": "…", "entries": 3, "explainedBy": 3}],
/// "baseline": [{"register", "bank", "recorded", "expected", "source", "matches"}], "events": [...]}</c>. Verdicts: <c>match</c>, <c>pending</c> (only the last entry is missing), <c>prefix</c> (an
/// earlier prefix explains the register), <c>mismatch</c> (none does).
/// </summary>
internal static class MeasurementLogJsonWriter
{
    public static void WriteCheck(MeasurementLogCheck check, TextWriter output) => LogJsonWriter.Write(output, json =>
    {
        json.WriteBoolean("verified", check.IsVerified);
        json.WriteString("log", check.LogPath);
        json.WriteString("register", check.RegisterName);
        json.WriteStartArray("banks");
        foreach (BankCheck bank in check.Banks)
        {
            json.WriteStartObject();
            json.WriteString("register", bank.Register);
            json.WriteString("bank", LogNames.Bank(bank.Bank));
            json.WriteString("verdict", bank.Matches ? "match" : bank.IsPending ? "pending" : bank.ExplainedBy >= 0 ? "prefix" : "mismatch");
            json.WriteString("actual", bank.ActualHex);
            json.WriteString("expected", bank.ExpectedHex);
            json.WriteNumber("entries", bank.Entries);
            json.WriteNumber("explainedBy", bank.ExplainedBy);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("baseline");
        foreach (BaselineCheck start in check.Baseline)
        {
            json.WriteStartObject();
            json.WriteString("register", start.Register);
            json.WriteString("bank", LogNames.Bank(start.Bank));
            json.WriteString("recorded", start.RecordedHex);
            json.WriteString("expected", start.ExpectedHex);
            json.WriteString("source", start.Source);
            json.WriteBoolean("matches", start.Matches);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
        foreach (LoggedEntry entry in check.Entries)
        {
            MeasurementLogEventJson.Write(json, entry, check.RegisterName);
        }

        json.WriteEndArray();
    });
}
