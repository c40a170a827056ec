using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tsm.Cli.Decoding;

namespace Tsm.Cli.Output;

/// <summary>
/// <c>tsm decode --json</c>: <c>{"format": "tdquote", "version": 4, "fields": {...}, "trailingBytes": 39}</c>, plus
/// <c>"envelope"</c> when the report was found inside one. Field names are the schema's; every value is written in full.
/// A CCA token has no <c>version</c>; its claims are under <c>fields.platform</c> and <c>fields.realm</c>.
/// </summary>
internal static class JsonReportWriter
{
    /// <summary>Indented, and without escaping quotes and the like that only matter inside HTML.</summary>
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(DecodedReport report, TextWriter output)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("format", report.Format.Name);
            if (report.Version is { } version)
            {
                json.WriteNumber("version", version);
            }

            if (report.Envelope != ReportEnvelope.None)
            {
                json.WriteString("envelope", report.Envelope.Name());
            }

            json.WriteStartObject("fields");
            report.VisitFields(new JsonFieldWriter(json));
            json.WriteEndObject();
            json.WriteNumber("trailingBytes", report.TrailingBytes.Length);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
