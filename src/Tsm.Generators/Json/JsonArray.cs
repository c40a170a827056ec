using System.Collections.Generic;

namespace Tsm.Generators.Json;

internal sealed class JsonArray : JsonNode
{
    public JsonArray(TextRange range, IReadOnlyList<JsonNode> items)
        : base(JsonKind.Array, range)
    {
        Items = items;
    }

    public IReadOnlyList<JsonNode> Items { get; }
}
