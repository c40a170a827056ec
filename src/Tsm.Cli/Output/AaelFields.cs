using System;
using System.Text.Json;

namespace Tsm.Cli.Output;

/// <summary>An attestation-agent line's domain, operation and content as <c>tsm log show --json</c> prints them (INIT has only content: <c>alg/hex</c>).</summary>
internal sealed record AaelFields(string? Domain, string? Operation, string Content)
{
    /// <summary>Splits a line the event-log reader already accepted (<see cref="EventLog.Replay.LogEventSummary.AaelLine"/>).</summary>
    public static AaelFields Of(string line)
    {
        string[] parts = line.Split(' ', 3);
        return parts[0] == "INIT" || parts.Length < 3
            ? new AaelFields(null, null, line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..])
            : new AaelFields(parts[0], parts[1], parts[2]);
    }

    public void Write(Utf8JsonWriter json)
    {
        if (Domain is not null)
        {
            json.WriteString("domain", Domain);
            json.WriteString("operation", Operation);
        }

        json.WriteString("content", Content);
    }
}
