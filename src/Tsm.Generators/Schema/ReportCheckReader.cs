using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>Reads a layout's <c>checks</c>, and the <c>equals</c>/<c>oneOf</c> value lists shared with <c>when</c>.</summary>
internal static class ReportCheckReader
{
    private static readonly string[] CheckKeys = { "field", "equals", "oneOf" };

    public static EquatableArray<ReportCheckSpec> ReadAll(ObjectReader report, IReadOnlyList<ReportFieldSpec> fields, SchemaContext context)
    {
        JsonArray? checks = report.Array("checks", required: false);
        var result = new List<ReportCheckSpec>();
        foreach (JsonNode node in checks?.Items ?? (IReadOnlyList<JsonNode>)System.Array.Empty<JsonNode>())
        {
            ObjectReader? check = ObjectReader.Create(node, "a check", CheckKeys, context);
            JsonString? field = check?.String("field", required: true);
            if (check is null || field is null)
            {
                continue;
            }

            if (!fields.Any(f => f.Name == field.Value && f.IsInteger))
            {
                context.Report(DiagnosticIds.InvalidReportField, field.Range, $"Check names '{field.Value}', which is not an integer field of this report");
                continue;
            }

            EquatableArray<long> allowed = ReadAllowed(check, context);
            if (allowed.Count > 0)
            {
                result.Add(new ReportCheckSpec(field.Value, allowed));
            }
        }

        return result.ToEquatableArray();
    }

    /// <summary>Exactly one of <c>equals</c> (a number) and <c>oneOf</c> (a non-empty list of numbers).</summary>
    public static EquatableArray<long> ReadAllowed(ObjectReader owner, SchemaContext context)
    {
        var allowed = new List<long>();
        if (owner.Has("equals") == owner.Has("oneOf"))
        {
            context.Report(DiagnosticIds.MissingKey, SchemaContext.Opening(owner.Json), "equals", owner.What + " (give exactly one of 'equals' and 'oneOf')");
            return EquatableArray<long>.Empty;
        }

        JsonNumber? equals = owner.Integer("equals", required: false, 0, long.MaxValue);
        if (equals is not null)
        {
            allowed.Add(ObjectReader.ValueOf(equals));
        }

        foreach (JsonNode item in owner.Array("oneOf", required: false)?.Items ?? (IReadOnlyList<JsonNode>)System.Array.Empty<JsonNode>())
        {
            JsonNumber? value = ObjectReader.ReadInteger(item, "a 'oneOf' value", 0, long.MaxValue, context);
            if (value is not null)
            {
                allowed.Add(ObjectReader.ValueOf(value));
            }
        }

        return allowed.ToEquatableArray();
    }
}
