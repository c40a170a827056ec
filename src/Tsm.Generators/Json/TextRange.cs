namespace Tsm.Generators.Json;

/// <summary>A span of JSON text; <paramref name="End"/> is the position just after the last character.</summary>
internal readonly record struct TextRange(TextPosition Start, TextPosition End)
{
    public int Length => End.Offset - Start.Offset;
}
