using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Tsm.Cli.Output;

/// <summary>
/// Writes visited fields as JSON: integers as numbers, bytes as lowercase hex, text as strings, nested layouts as
/// objects. A nested group whose type name ends in <c>[]</c> (a CBOR claim array, items named 0, 1, ...) becomes a
/// JSON array, its items written without their index names.
/// </summary>
internal sealed class JsonFieldWriter(Utf8JsonWriter json) : IReportFieldVisitor
{
    /// <summary>For every open group: whether it is an array.</summary>
    private readonly Stack<bool> _groups = new();

    private bool InArray => _groups.Count > 0 && _groups.Peek();

    public void Integer(string name, ulong value)
    {
        WriteName(name);
        json.WriteNumberValue(value);
    }

    public void Bytes(string name, ReadOnlySpan<byte> value)
    {
        WriteName(name);
        json.WriteStringValue(Convert.ToHexStringLower(value));
    }

    public void Text(string name, string value)
    {
        WriteName(name);
        json.WriteStringValue(value);
    }

    public void BeginNested(string name, string typeName)
    {
        WriteName(name);
        bool array = typeName.EndsWith("[]", StringComparison.Ordinal);
        if (array)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartObject();
        }

        _groups.Push(array);
    }

    public void EndNested()
    {
        if (_groups.Pop())
        {
            json.WriteEndArray();
        }
        else
        {
            json.WriteEndObject();
        }
    }

    private void WriteName(string name)
    {
        if (!InArray)
        {
            json.WritePropertyName(name);
        }
    }
}
