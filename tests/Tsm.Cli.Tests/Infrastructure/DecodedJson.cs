using System.Globalization;
using System.Text.Json;

namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>The output of <c>tsm decode --json</c>, parsed with System.Text.Json, with lookups by dotted field path.</summary>
internal sealed class DecodedJson
{
    private DecodedJson(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public string Format => Root.GetProperty("format").GetString()!;

    public ulong? Version => Root.TryGetProperty("version", out JsonElement version) ? version.GetUInt64() : null;

    public int TrailingBytes => Root.GetProperty("trailingBytes").GetInt32();

    public string? Envelope => Root.TryGetProperty("envelope", out JsonElement envelope) ? envelope.GetString() : null;

    public static DecodedJson Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return new DecodedJson(document.RootElement.Clone());
    }

    /// <summary>The field at <paramref name="path"/> under <c>fields</c>, e.g. <c>body.mrtd</c>; array items by index (<c>realm.rems.0</c>).</summary>
    public JsonElement Field(string path)
    {
        JsonElement current = Root.GetProperty("fields");
        foreach (string name in path.Split('.'))
        {
            current = current.ValueKind == JsonValueKind.Array ? current[int.Parse(name, CultureInfo.InvariantCulture)] : current.GetProperty(name);
        }

        return current;
    }

    public string Text(string path) => Field(path).GetString()!;

    /// <summary>The dotted paths of every value under <c>fields</c>, in order, as the table names them.</summary>
    public IEnumerable<string> LeafPaths() => LeafPaths(Root.GetProperty("fields"), "");

    private static IEnumerable<string> LeafPaths(JsonElement group, string prefix) => group.ValueKind == JsonValueKind.Array
        ? group.EnumerateArray().SelectMany((item, index) => Leaf(item, prefix + index.ToString(CultureInfo.InvariantCulture)))
        : group.EnumerateObject().SelectMany(field => Leaf(field.Value, prefix + field.Name));

    private static IEnumerable<string> Leaf(JsonElement value, string path) =>
        value.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? LeafPaths(value, path + ".") : [path];

    public string Hex(string path) => Field(path).GetString()!;

    public ulong Number(string path) => Field(path).GetUInt64();
}
