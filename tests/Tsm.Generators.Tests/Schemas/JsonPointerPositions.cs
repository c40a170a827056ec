using System.Text;
using System.Text.Json;

namespace Tsm.Generators.Tests.Schemas;

/// <summary>
/// Where each JSON Pointer (RFC 6901) of a document starts, found with System.Text.Json's <see cref="Utf8JsonReader"/>
/// independently of the generator's reader: the offset of the value and, for an object member, of its name. This is
/// what ties a JSON Schema error (an instance location) to a diagnostic (a line and column).
/// </summary>
internal sealed class JsonPointerPositions
{
    private readonly Dictionary<string, (int Value, int? Name)> _offsets = new(StringComparer.Ordinal);
    private readonly string _text;

    private JsonPointerPositions(string text)
    {
        _text = text;
    }

    /// <summary>Reads <paramref name="text"/>, which must be ASCII so byte and character offsets agree.</summary>
    public static JsonPointerPositions Read(string text)
    {
        Assert.True(text.All(static c => c < 128), "corpus files are ASCII, so byte offsets are character offsets");
        var positions = new JsonPointerPositions(text);
        var reader = new Utf8JsonReader(Encoding.ASCII.GetBytes(text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var containers = new Stack<(string Pointer, bool IsArray, int NextIndex)>();
        string? member = null;
        int? memberOffset = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                member = reader.GetString();
                memberOffset = (int)reader.TokenStartIndex;
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                continue;
            }

            string pointer = string.Empty;
            int? nameOffset = null;
            if (containers.TryPop(out (string Pointer, bool IsArray, int NextIndex) parent))
            {
                pointer = parent.Pointer + "/" + (parent.IsArray ? parent.NextIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) : Escape(member!));
                nameOffset = parent.IsArray ? null : memberOffset;
                containers.Push(parent with { NextIndex = parent.NextIndex + 1 });
            }

            positions._offsets[pointer] = ((int)reader.TokenStartIndex, nameOffset);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((pointer, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return positions;
    }

    /// <summary>The 1-based line and column of the value at <paramref name="pointer"/>.</summary>
    public (int Line, int Column) ValueAt(string pointer) => LineColumn(Offsets(pointer).Value);

    /// <summary>The 1-based line and column of the member name whose value is at <paramref name="pointer"/>, if it is an object member.</summary>
    public (int Line, int Column)? NameAt(string pointer) => Offsets(pointer).Name is int name ? LineColumn(name) : null;

    private (int Value, int? Name) Offsets(string pointer) =>
        _offsets.TryGetValue(pointer, out (int Value, int? Name) offsets) ? offsets : throw new KeyNotFoundException($"no JSON value at '{pointer}'");

    private (int Line, int Column) LineColumn(int offset)
    {
        string before = _text[..offset];
        return (before.Count(static c => c == '\n') + 1, offset - before.LastIndexOf('\n'));
    }

    /// <summary>RFC 6901 section 3: '~' is written '~0' and '/' is written '~1'.</summary>
    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
