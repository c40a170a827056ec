using System.Diagnostics.CodeAnalysis;

namespace Tsm.Generators.Json;

/// <summary>Either a document (<see cref="Root"/>) or the first error found (<see cref="Error"/>), never both.</summary>
internal sealed class JsonParseResult
{
    private JsonParseResult(JsonNode? root, JsonError? error)
    {
        Root = root;
        Error = error;
    }

    public JsonNode? Root { get; }

    public JsonError? Error { get; }

    [MemberNotNullWhen(true, nameof(Root))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    public static JsonParseResult Parsed(JsonNode root) => new(root, null);

    public static JsonParseResult Failed(JsonError error) => new(null, error);
}
