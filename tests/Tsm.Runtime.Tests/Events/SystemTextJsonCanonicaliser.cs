using System.Text.Json;

namespace Tsm.Runtime.Tests.Events;

/// <summary>
/// Canonicalises JSON that System.Text.Json parsed, through <see cref="CanonicalJsonWriter"/>: the members of each
/// object sorted by UTF-16 code units (RFC 8785 §3.2.3), the way a verifier that does re-serialise would.
/// </summary>
internal static class SystemTextJsonCanonicaliser
{
    public static string Canonicalise(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var writer = new CanonicalJsonWriter();
        Write(writer, document.RootElement);
        return writer.ToJson();
    }

    public static void Write(CanonicalJsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in element.EnumerateObject().OrderBy(static p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteString(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteNumber(element.GetInt64());
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteBoolean(element.GetBoolean());
                break;
            default:
                writer.WriteNull();
                break;
        }
    }
}
