using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tsm.Attestation.Verification;
using Tsm.Cli.Decoding;

namespace Tsm.Cli.Output;

/// <summary>
/// <c>tsm verify --json</c>: <c>{"format": "tdquote", "evidence": "TD quote v4", "verified": true,
/// "checks": [{"name": "parse", "outcome": "passed", "reason": "..."}, ...]}</c>.
/// </summary>
internal static class VerificationJsonWriter
{
    /// <summary>Indented, and without escaping quotes and the like that only matter inside HTML.</summary>
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(ReportFormat format, VerificationResult result, TextWriter output)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("format", format.Name);
            json.WriteString("evidence", result.Evidence);
            json.WriteBoolean("verified", result.IsVerified);
            json.WriteStartArray("checks");
            foreach (VerificationCheck check in result.Checks)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Name);
                json.WriteString("outcome", check.Outcome.Name());
                json.WriteString("reason", check.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
