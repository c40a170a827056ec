namespace Tsm.Generators.Json;

/// <summary>A JSON value together with where it was written, so diagnostics can point at it.</summary>
internal abstract class JsonNode
{
    private protected JsonNode(JsonKind kind, TextRange range)
    {
        Kind = kind;
        Range = range;
    }

    public JsonKind Kind { get; }

    public TextRange Range { get; }
}
