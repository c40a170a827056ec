using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>
/// Reads the <c>reports</c> layouts and checks what JSON Schema cannot: references to earlier fields, variants,
/// nested layouts, register links, bounds and overlaps.
/// </summary>
internal static class ReportReader
{
    private static readonly string[] ReportKeys =
    {
        "name", "typeName", "description", "size", "versionField", "versionFromParent", "trailing", "userDataField", "checks", "fields",
    };

    /// <param name="reports">The <c>reports</c> array.</param>
    /// <param name="registers">The registers a field may link to.</param>
    /// <param name="className">The vendor class: a report type of that name would be generated into the same file (hint name) and type.</param>
    /// <param name="context">Where problems are reported.</param>
    public static EquatableArray<ReportSpec> ReadAll(JsonArray reports, IReadOnlyDictionary<string, RegisterLink> registers, string className, SchemaContext context)
    {
        var result = new List<(ReportSpec Spec, JsonNode Node)>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var typeNames = new HashSet<string>(System.StringComparer.Ordinal) { className, Naming.PlatformsClassName, Naming.CatalogClassName };
        foreach (JsonNode node in reports.Items)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ReportSpec? report = Read(node, registers, context);
            if (report is null)
            {
                continue;
            }

            if (!names.Add(report.Name))
            {
                // On the repeated name, as for registers, fields and claim sets (the broken-schema corpus, issue 8 §1).
                context.Report(DiagnosticIds.DuplicateName, ((JsonObject)node).TryGetProperty("name", out JsonProperty repeated) ? repeated.Value.Range : node.Range, "Report", report.Name);
                continue;
            }

            // Each report becomes the type {TypeName} in the file {Class}.{TypeName}.g.cs: a second one of the same
            // name, or one named like the vendor class, would make AddSource throw and lose every generated file.
            JsonObject json = (JsonObject)node;
            TextRange at = json.TryGetProperty("typeName", out JsonProperty given) ? given.Value.Range : json.TryGetProperty("name", out JsonProperty named) ? named.Value.Range : node.Range;
            if (!typeNames.Add(report.TypeName))
            {
                context.Report(DiagnosticIds.DuplicateName, at, "C# type", report.TypeName + (report.TypeName == className ? " (the vendor class)" : report.TypeName == Naming.PlatformsClassName ? " (the generated entry point of the logical registers)" : report.TypeName == Naming.CatalogClassName ? " (the generated catalog)" : string.Empty));
                continue;
            }

            context.DeclareType(report.TypeName, $"report '{report.Name}'", at);
            result.Add((report, node));
        }

        NestedLayoutRules.Check(result, context);
        return result.Select(static r => r.Spec).ToEquatableArray();
    }

    private static ReportSpec? Read(JsonNode node, IReadOnlyDictionary<string, RegisterLink> registers, SchemaContext context)
    {
        ObjectReader? reader = ObjectReader.Create(node, "a report", ReportKeys, context);
        JsonString? name = reader?.SnakeName("name", "report name");
        JsonNumber? size = reader?.Integer("size", required: true, 1, 1 << 20);
        JsonArray? fieldsNode = reader?.Array("fields", required: true);
        if (reader is null || name is null || size is null || fieldsNode is null)
        {
            return null;
        }

        JsonString? typeName = reader.String("typeName", required: false);
        if (typeName is not null && !Naming.IsCSharpIdentifier(typeName.Value))
        {
            context.Report(DiagnosticIds.InvalidName, typeName.Range, typeName.Value, "C# type name", "it must be a C# identifier");
        }

        int reportSize = (int)ObjectReader.ValueOf(size);
        string reportTypeName = typeName?.Value ?? Naming.ToPascalCase(name.Value);
        List<ReportFieldSpec> fields = new ReportFieldReader(reportSize, registers, context).ReadAll(fieldsNode, reportTypeName);

        JsonString? versionField = reader.String("versionField", required: false);
        if (versionField is not null && !fields.Any(f => f.Name == versionField.Value && f.IsInteger && !f.IsConditional && !f.IsDynamic))
        {
            context.Report(DiagnosticIds.InvalidReportField, versionField.Range, $"'versionField' names '{versionField.Value}', which is not an always-present integer field at a fixed offset of report '{name.Value}'");
        }

        bool versionFromParent = ReadBool(reader, "versionFromParent", context);
        if (versionFromParent && versionField is not null)
        {
            context.Report(DiagnosticIds.InvalidValue, versionField.Range, $"Report '{name.Value}' has both 'versionField' and 'versionFromParent'; its version comes from one place");
        }

        if (!versionFromParent && versionField is null && fields.FirstOrDefault(static f => f.Versions.Count > 0) is ReportFieldSpec versioned)
        {
            context.Report(DiagnosticIds.InvalidReportField, fieldsNode.Range, $"Field '{versioned.Name}' lists 'versions', but report '{name.Value}' has no 'versionField' and no 'versionFromParent'");
        }

        JsonString? userData = reader.String("userDataField", required: false);
        if (userData is not null && !fields.Any(f => f.Name == userData.Value && f.Type == FieldType.Bytes && !f.IsDynamic))
        {
            context.Report(DiagnosticIds.InvalidReportField, userData.Range, $"'userDataField' names '{userData.Value}', which is not a fixed 'bytes' field of report '{name.Value}'");
        }

        return new ReportSpec(
            name.Value,
            reportTypeName,
            reader.String("description", required: false)?.Value,
            reportSize,
            versionField?.Value,
            versionFromParent,
            ReadBool(reader, "trailing", context),
            userData?.Value,
            ReportCheckReader.ReadAll(reader, fields, context),
            fields.ToEquatableArray());
    }

    public static bool ReadBool(ObjectReader reader, string key, SchemaContext context)
    {
        JsonNode? node = reader.Node(key, required: false);
        if (node is null)
        {
            return false;
        }

        if (node is JsonLiteral literal && literal.BooleanValue is bool value)
        {
            return value;
        }

        context.Report(DiagnosticIds.InvalidValue, node.Range, $"'{key}' of {reader.What} must be true or false");
        return false;
    }
}
