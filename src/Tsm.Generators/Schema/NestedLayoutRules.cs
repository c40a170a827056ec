using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>
/// Rules across layouts: a nested layout exists, gets a version exactly when it takes one from its parent, and no
/// layout contains itself (directly or through others).
/// </summary>
internal static class NestedLayoutRules
{
    public static void Check(IReadOnlyList<(ReportSpec Spec, JsonNode Node)> reports, SchemaContext context)
    {
        Dictionary<string, ReportSpec> byName = reports.ToDictionary(static r => r.Spec.Name, static r => r.Spec, System.StringComparer.Ordinal);
        foreach ((ReportSpec report, JsonNode node) in reports)
        {
            foreach (ReportFieldSpec field in report.Fields.Where(static f => f.Nested is not null))
            {
                if (!byName.TryGetValue(field.Nested!.Layout, out ReportSpec? nested))
                {
                    context.Report(DiagnosticIds.InvalidReportField, LayoutToken(node, field), $"Field '{field.Name}' of report '{report.Name}' uses layout '{field.Nested.Layout}', which this schema does not define");
                    continue;
                }

                bool versioned = field.Nested.Version is not null || field.Nested.VersionFrom is not null;
                if (versioned != nested.VersionFromParent)
                {
                    string why = nested.VersionFromParent
                        ? $"layout '{nested.Name}' takes its version from its parent: give 'layoutVersion' or 'layoutVersionFrom'"
                        : $"layout '{nested.Name}' has no 'versionFromParent', so 'layoutVersion'/'layoutVersionFrom' would be ignored";
                    context.Report(DiagnosticIds.InvalidReportField, LayoutToken(node, field), $"Field '{field.Name}' of report '{report.Name}': {why}");
                }
            }

            if (Contains(report.Name, report, byName, new HashSet<string>(System.StringComparer.Ordinal)))
            {
                context.Report(DiagnosticIds.InvalidReportField, node.Range, $"Report '{report.Name}' contains itself through its nested layouts");
            }
        }
    }

    /// <summary>
    /// The <c>layout</c> value of the field in the report's JSON, where the JSON Schema and the oracle place the problem
    /// (the broken-schema corpus, issue 8 §1); the report itself if the field cannot be found.
    /// </summary>
    private static TextRange LayoutToken(JsonNode report, ReportFieldSpec field)
    {
        if (report is JsonObject reportObject && reportObject.TryGetProperty("fields", out JsonProperty fields) && fields.Value is JsonArray items)
        {
            foreach (JsonNode item in items.Items)
            {
                if (item is JsonObject json
                    && json.TryGetProperty("name", out JsonProperty name) && name.Value is JsonString { } named && named.Value == field.Name
                    && json.TryGetProperty("layout", out JsonProperty layout) && layout.Value is JsonString { } nested && nested.Value == field.Nested!.Layout)
                {
                    return layout.Value.Range;
                }
            }
        }

        return report.Range;
    }

    private static bool Contains(string target, ReportSpec report, IReadOnlyDictionary<string, ReportSpec> byName, HashSet<string> visited)
    {
        foreach (ReportFieldSpec field in report.Fields.Where(static f => f.Nested is not null))
        {
            if (field.Nested!.Layout == target)
            {
                return true;
            }

            if (visited.Add(field.Nested!.Layout) && byName.TryGetValue(field.Nested!.Layout, out ReportSpec? nested) && Contains(target, nested, byName, visited))
            {
                return true;
            }
        }

        return false;
    }
}
