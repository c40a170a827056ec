using System.Collections.Generic;

namespace Tsm.Generators.Json;

internal sealed class JsonObject : JsonNode
{
    private readonly IReadOnlyDictionary<string, JsonProperty> _byName;

    /// <param name="properties">In document order.</param>
    /// <param name="byName">The same properties keyed by ordinal name; the reader guarantees names are unique.</param>
    public JsonObject(TextRange range, IReadOnlyList<JsonProperty> properties, IReadOnlyDictionary<string, JsonProperty> byName)
        : base(JsonKind.Object, range)
    {
        Properties = properties;
        _byName = byName;
    }

    /// <summary>The properties in document order.</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    /// <summary>Finds a property by exact (ordinal) name; <paramref name="property"/> is null when this returns false.</summary>
    /// <remarks>
    /// Declared without <c>MaybeNullWhen</c> because the schema readers call it as <c>out JsonProperty property</c>,
    /// which that attribute would turn into a nullable warning (an error in this repository).
    /// </remarks>
    public bool TryGetProperty(string name, out JsonProperty property) => _byName.TryGetValue(name, out property);
}
