using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Tsm.EventLog.Aael;

namespace Tsm.Cli.Output;

/// <summary>An AAEL entry's domain, operation and content as <c>tsm log show --json</c> prints them (INIT has only content: <c>alg/hex</c>).</summary>
internal sealed record AaelFields(string? Domain, string? Operation, string Content)
{
    public static List<AaelFields> Of(System.ReadOnlySpan<byte> log)
    {
        var fields = new List<AaelFields>();
        foreach (AaelEntry entry in AaelLog.Read(log))
        {
            fields.Add(entry.IsInit
                ? new AaelFields(null, null, Encoding.ASCII.GetString(entry.Content))
                : new AaelFields(Encoding.ASCII.GetString(entry.Domain), Encoding.ASCII.GetString(entry.Operation), Encoding.ASCII.GetString(entry.Content)));
        }

        return fields;
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
