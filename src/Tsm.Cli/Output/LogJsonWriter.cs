using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tsm.EventLog;
using Tsm.EventLog.Recording;
using Tsm.EventLog.Replay;
using Tsm.EventLog.Verification;

namespace Tsm.Cli.Output;

/// <summary><c>tsm log show | replay | verify --json</c>: schema register names, bank names as the kernel spells them, lowercase hex.</summary>
internal static class LogJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"format": "ccel", "events": [{"number": 0, "register": "rtmr0", "type": "EV_NO_ACTION", "digests": {...}, ...}]}</c>.</summary>
    public static void WriteEvents(EventLogFile log, TextWriter output) => Write(output, json =>
    {
        json.WriteString("format", log.Format.Name());
        json.WriteStartArray("events");
        foreach (LogEventSummary e in log.Describe())
        {
            json.WriteStartObject();
            json.WriteNumber("number", e.Number);
            json.WriteNumber("offset", e.Offset);
            json.WriteString("register", e.Register.Name);
            json.WriteBoolean("extends", e.Extends);
            json.WriteString("type", e.TypeName);
            json.WriteStartObject("digests");
            foreach (KeyValuePair<MeasurementHash, string> digest in e.Digests)
            {
                json.WriteString(digest.Key == MeasurementHash.None ? "unknown" : LogNames.Bank(digest.Key), digest.Value);
            }

            json.WriteEndObject();
            json.WriteString("description", e.Description);
            if (e.AaelLine is { } line)
            {
                MeasurementLogEventJson.WriteFields(json, LoggedEntry.Parse(e.Number, line));
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary><c>{"format": "...", "registers": {"pcr0": {"sha1": "&lt;hex&gt;", "sha256": "&lt;hex&gt;"}, "rtmr1": {"sha384": "&lt;hex&gt;"}}}</c>.</summary>
    public static void WriteReplay(IReadOnlyList<EventLogFile> logs, RegisterValues values, TextWriter output) => Write(output, json =>
    {
        json.WriteString("format", LogNames.Formats(logs));
        json.WriteStartObject("registers");
        foreach (IGrouping<string, RegisterValue> register in values.GroupBy(v => v.Name))
        {
            json.WriteStartObject(register.Key);
            foreach (RegisterValue value in register)
            {
                json.WriteString(LogNames.Bank(value.Bank), Convert.ToHexStringLower(value.Value.Span));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    });

    /// <summary><c>{"verified": false, "registers": [{"register": "rtmr1", "bank": "sha384", "verdict": "mismatch", ...}]}</c>.</summary>
    public static void WriteVerification(LogVerification result, TextWriter output) => Write(output, json =>
    {
        json.WriteBoolean("verified", result.IsVerified);
        json.WriteStartArray("registers");
        foreach (RegisterVerdict verdict in result.Verdicts)
        {
            json.WriteStartObject();
            json.WriteString("register", verdict.Register.Name);
            json.WriteString("bank", LogNames.Bank(verdict.Bank));
            json.WriteString("verdict", LogNames.Verdict(verdict.Kind));
            json.WriteBoolean("verified", verdict.IsVerified(result.AllowPrefix));
            json.WriteString("expected", Convert.ToHexStringLower(verdict.Expected.Value.Span));
            if (verdict.Replayed is { } replayed)
            {
                json.WriteString("replayed", Convert.ToHexStringLower(replayed.Span));
            }

            json.WriteNumber("events", verdict.EventCount);
            if (verdict.Kind == VerdictKind.PrefixMatch)
            {
                json.WriteNumber("prefixEvents", verdict.PrefixEvents);
            }

            if (verdict.FirstDisagreement is { } bad)
            {
                json.WriteStartObject("firstDisagreement");
                json.WriteString("log", bad.Log);
                json.WriteNumber("number", bad.Number);
                json.WriteString("type", bad.TypeName);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    /// <summary>One JSON object on <paramref name="output"/>, indented, with the members <paramref name="body"/> writes.</summary>
    internal static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
