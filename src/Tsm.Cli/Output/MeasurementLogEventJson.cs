using System.Text.Json;
using Tsm.EventLog.Recording;

namespace Tsm.Cli.Output;

/// <summary>One measurement-log entry in JSON: <c>{"number": 1, "register": "rtmr3", "type": "AAEL", "domain": "…", "operation": "…", "content": "…"}</c>.</summary>
internal static class MeasurementLogEventJson
{
    public static void Write(Utf8JsonWriter json, LoggedEntry entry, string register)
    {
        json.WriteStartObject();
        json.WriteNumber("number", entry.Number);
        json.WriteString("register", register);
        json.WriteString("type", entry.Domain is null ? "INIT" : "AAEL");
        WriteFields(json, entry);
        json.WriteEndObject();
    }

    /// <summary>The entry's <c>domain</c> and <c>operation</c> (events only) and <c>content</c>, into the object being written.</summary>
    public static void WriteFields(Utf8JsonWriter json, LoggedEntry entry)
    {
        if (entry.Domain is not null)
        {
            json.WriteString("domain", entry.Domain);
            json.WriteString("operation", entry.Operation);
        }

        json.WriteString("content", entry.Content);
    }
}
