namespace Tsm.Generators.Json;

internal sealed class JsonProperty
{
    public JsonProperty(string name, TextRange nameRange, JsonNode value)
    {
        Name = name;
        NameRange = nameRange;
        Value = value;
    }

    /// <summary>The name with escapes resolved.</summary>
    public string Name { get; }

    /// <summary>The quoted name token as written.</summary>
    public TextRange NameRange { get; }

    public JsonNode Value { get; }
}
