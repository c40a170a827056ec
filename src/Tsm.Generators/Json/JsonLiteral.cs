namespace Tsm.Generators.Json;

/// <summary><c>true</c>, <c>false</c> or <c>null</c>, told apart by <see cref="JsonNode.Kind"/>.</summary>
internal sealed class JsonLiteral : JsonNode
{
    public JsonLiteral(JsonKind kind, TextRange range)
        : base(kind, range)
    {
    }

    /// <summary><see langword="true"/> or <see langword="false"/> for the boolean literals; <see langword="null"/> for <c>null</c>.</summary>
    public bool? BooleanValue => Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => null,
    };
}
