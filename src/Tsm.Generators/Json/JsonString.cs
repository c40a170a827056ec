namespace Tsm.Generators.Json;

internal sealed class JsonString : JsonNode
{
    public JsonString(TextRange range, string value)
        : base(JsonKind.String, range)
    {
        Value = value;
    }

    /// <summary>
    /// The value with escapes resolved. It can hold an unpaired surrogate written as an escape
    /// (for example <c>"\uD800"</c>), which JSON and System.Text.Json's <c>JsonDocument</c> both accept.
    /// </summary>
    public string Value { get; }
}
