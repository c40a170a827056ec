using System.Collections.Generic;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Json;

namespace Tsm.Generators.Schema;

/// <summary>
/// Typed access to one JSON object of a schema. Unknown keys are reported when the reader is created; each getter
/// reports a missing required key or a value of the wrong type at its token and returns null, so parsing goes on
/// and one pass finds every problem.
/// </summary>
internal sealed class ObjectReader
{
    private readonly SchemaContext _context;
    private readonly List<string> _misspelled;

    private ObjectReader(JsonObject json, string what, SchemaContext context, List<string> misspelled)
    {
        Json = json;
        What = what;
        _context = context;
        _misspelled = misspelled;
    }

    public JsonObject Json { get; }

    public string What { get; }

    /// <summary>Null (and a diagnostic) when <paramref name="node"/> is not an object.</summary>
    public static ObjectReader? Create(JsonNode node, string what, string[] allowedKeys, SchemaContext context)
    {
        if (node is not JsonObject json)
        {
            context.Report(DiagnosticIds.InvalidValue, node.Range, what + " must be a JSON object");
            return null;
        }

        var misspelled = new List<string>();
        foreach (JsonProperty property in json.Properties)
        {
            if (System.Array.IndexOf(allowedKeys, property.Name) < 0)
            {
                string? meant = KeySuggestion.Closest(property.Name, allowedKeys, json);
                if (meant is not null)
                {
                    misspelled.Add(meant);
                }

                string expected = string.Join(", ", allowedKeys) + (meant is null ? string.Empty : $"; did you mean '{meant}'?");
                context.Report(DiagnosticIds.UnknownKey, property.NameRange, property.Name, what, expected);
            }
        }

        return new ObjectReader(json, what, context, misspelled);
    }

    /// <summary>
    /// Whether the object has an unknown key that is a near-miss of <paramref name="key"/> (<c>"hashh"</c> for
    /// <c>hash</c>): the value is there under a typo, which TSM0002 already reports, so "missing key" and every check
    /// that depends on the value would only repeat it.
    /// </summary>
    public bool IsMisspelled(string key) => _misspelled.Contains(key);

    /// <summary>Whether any key of the object is a near-miss of an allowed key.</summary>
    public bool HasMisspelledKeys => _misspelled.Count > 0;

    public bool Has(string key) => Json.TryGetProperty(key, out _);

    public JsonNode? Node(string key, bool required)
    {
        if (Json.TryGetProperty(key, out JsonProperty property))
        {
            return property.Value;
        }

        if (required && !IsMisspelled(key))
        {
            _context.Report(DiagnosticIds.MissingKey, SchemaContext.Opening(Json), key, What);
        }

        return null;
    }

    public JsonString? String(string key, bool required)
    {
        JsonNode? node = Node(key, required);
        if (node is null or JsonString)
        {
            return (JsonString?)node;
        }

        _context.Report(DiagnosticIds.InvalidValue, node.Range, $"'{key}' of {What} must be a string");
        return null;
    }

    public JsonNumber? Integer(string key, bool required, long min, long max)
    {
        JsonNode? node = Node(key, required);
        return node is null ? null : ReadInteger(node, $"'{key}' of {What}", min, max, _context);
    }

    public JsonArray? Array(string key, bool required)
    {
        JsonNode? node = Node(key, required);
        if (node is null or JsonArray)
        {
            return (JsonArray?)node;
        }

        _context.Report(DiagnosticIds.InvalidValue, node.Range, $"'{key}' of {What} must be an array");
        return null;
    }

    /// <summary>An array of strings; wrong items are reported and skipped.</summary>
    public List<JsonString>? Strings(string key, bool required)
    {
        JsonArray? array = Array(key, required);
        if (array is null)
        {
            return null;
        }

        var result = new List<JsonString>(array.Items.Count);
        foreach (JsonNode item in array.Items)
        {
            if (item is JsonString text)
            {
                result.Add(text);
            }
            else
            {
                _context.Report(DiagnosticIds.InvalidValue, item.Range, $"items of '{key}' in {What} must be strings");
            }
        }

        return result;
    }

    /// <summary>A required kernel-style name (<c>^[a-z][a-z0-9_]*$</c>); null, with a diagnostic naming <paramref name="what"/>, otherwise.</summary>
    public JsonString? SnakeName(string key, string what)
    {
        JsonString? name = String(key, required: true);
        if (name is null || Naming.IsSnakeName(name.Value))
        {
            return name;
        }

        _context.Report(DiagnosticIds.InvalidName, name.Range, name.Value, what, Naming.ExplainBadName(name.Value));
        return null;
    }

    /// <summary>A required string that must be one of <paramref name="allowed"/>; null, with a diagnostic listing them, otherwise.</summary>
    public JsonString? OneOf(string key, string[] allowed, string what)
    {
        JsonString? value = String(key, required: true);
        if (value is null || System.Array.IndexOf(allowed, value.Value) >= 0)
        {
            return value;
        }

        _context.Report(DiagnosticIds.InvalidValue, value.Range, $"'{value.Value}' is not a {what}; expected one of: {string.Join(", ", allowed)}");
        return null;
    }

    public static JsonNumber? ReadInteger(JsonNode node, string what, long min, long max, SchemaContext context)
    {
        if (node is JsonNumber number && number.IsInteger && number.TryGetInt64(out long value))
        {
            if (value >= min && value <= max)
            {
                return number;
            }

            context.Report(DiagnosticIds.InvalidValue, node.Range, System.FormattableString.Invariant($"{what} must be between {min} and {max}, not {number.RawText}"));
            return null;
        }

        context.Report(DiagnosticIds.InvalidValue, node.Range, $"{what} must be an integer");
        return null;
    }

    public static long ValueOf(JsonNumber number) => number.TryGetInt64(out long value) ? value : 0;
}
