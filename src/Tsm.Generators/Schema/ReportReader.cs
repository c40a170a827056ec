using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>Reads and checks the <c>reports</c> layouts: fields inside the report, no overlaps, known registers and types.</summary>
internal static class ReportReader
{
    private static readonly string[] ReportKeys = { "name", "typeName", "description", "size", "versionField", "checks", "fields" };
    private static readonly string[] FieldKeys = { "name", "offset", "size", "type", "description", "register", "hash", "versions", "bits" };
    private static readonly string[] CheckKeys = { "field", "equals", "oneOf" };
    private static readonly string[] FieldTypes = { "u8", "u16", "u32", "u64", "bytes", "digest", "opaque", "flags" };

    public static EquatableArray<ReportSpec> ReadAll(JsonArray reports, IReadOnlyCollection<string> registerNames, SchemaContext context)
    {
        var result = new List<ReportSpec>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (JsonNode node in reports.Items)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ReportSpec? report = Read(node, registerNames, context);
            if (report is null)
            {
                continue;
            }

            if (!names.Add(report.Name))
            {
                context.Report(DiagnosticIds.DuplicateName, node.Range, "Report", report.Name);
                continue;
            }

            result.Add(report);
        }

        return result.ToEquatableArray();
    }

    private static ReportSpec? Read(JsonNode node, IReadOnlyCollection<string> registerNames, SchemaContext context)
    {
        ObjectReader? reader = ObjectReader.Create(node, "a report", ReportKeys, context);
        JsonString? name = reader?.String("name", required: true);
        JsonNumber? size = reader?.Integer("size", required: true, 1, 1 << 20);
        JsonArray? fieldsNode = reader?.Array("fields", required: true);
        if (reader is null || name is null || size is null || fieldsNode is null)
        {
            return null;
        }

        if (!Naming.IsSnakeName(name.Value))
        {
            context.Report(DiagnosticIds.InvalidName, name.Range, name.Value, "report name", Naming.ExplainBadName(name.Value));
            return null;
        }

        JsonString? typeName = reader.String("typeName", required: false);
        if (typeName is not null && !Naming.IsCSharpIdentifier(typeName.Value))
        {
            context.Report(DiagnosticIds.InvalidName, typeName.Range, typeName.Value, "C# type name", "it must be a C# identifier");
        }

        int reportSize = (int)ObjectReader.ValueOf(size);
        List<ReportFieldSpec> fields = ReadFields(fieldsNode, reportSize, registerNames, context);
        CheckOverlaps(fieldsNode, fields, context);

        JsonString? versionField = reader.String("versionField", required: false);
        if (versionField is not null && !fields.Any(f => f.Name == versionField.Value && f.Type.StartsWith("u", System.StringComparison.Ordinal)))
        {
            context.Report(DiagnosticIds.InvalidReportField, versionField.Range, $"'versionField' names '{versionField.Value}', which is not an integer field of report '{name.Value}'");
        }

        return new ReportSpec(
            name.Value,
            typeName?.Value ?? Naming.ToPascalCase(name.Value),
            reader.String("description", required: false)?.Value,
            reportSize,
            versionField?.Value,
            ReadChecks(reader, fields, context),
            fields.ToEquatableArray());
    }

    private static List<ReportFieldSpec> ReadFields(JsonArray fieldsNode, int reportSize, IReadOnlyCollection<string> registerNames, SchemaContext context)
    {
        var fields = new List<ReportFieldSpec>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (JsonNode node in fieldsNode.Items)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ObjectReader? field = ObjectReader.Create(node, "a report field", FieldKeys, context);
            JsonString? name = field?.String("name", required: true);
            JsonNumber? offset = field?.Integer("offset", required: true, 0, int.MaxValue);
            JsonNumber? size = field?.Integer("size", required: true, 1, int.MaxValue);
            JsonString? type = field?.String("type", required: true);
            if (field is null || name is null || offset is null || size is null || type is null)
            {
                continue;
            }

            if (!Naming.IsSnakeName(name.Value))
            {
                context.Report(DiagnosticIds.InvalidName, name.Range, name.Value, "field name", Naming.ExplainBadName(name.Value));
                continue;
            }

            if (!names.Add(name.Value))
            {
                context.Report(DiagnosticIds.DuplicateName, name.Range, "Field", name.Value);
                continue;
            }

            long start = ObjectReader.ValueOf(offset);
            long length = ObjectReader.ValueOf(size);
            if (start + length > reportSize)
            {
                context.Report(DiagnosticIds.InvalidReportField, offset.Range, Invariant($"Field '{name.Value}' (offset {start}, size {length}) ends at {start + length}, outside the {reportSize}-byte report"));
                continue;
            }

            JsonString? hash = field.String("hash", required: false);
            if (!CheckType(name.Value, type, (int)length, hash, context))
            {
                continue;
            }

            JsonString? register = field.String("register", required: false);
            if (register is not null && !registerNames.Contains(register.Value))
            {
                context.Report(DiagnosticIds.UnknownRegisterReference, register.Range, name.Value, register.Value);
            }

            fields.Add(new ReportFieldSpec(
                name.Value,
                Naming.ToPascalCase(name.Value),
                (int)start,
                (int)length,
                type.Value,
                hash?.Value,
                register?.Value,
                field.String("description", required: false)?.Value,
                ReadVersions(field, context),
                ReadBits(field, (int)length, context)));
        }

        return fields;
    }

    private static bool CheckType(string field, JsonString type, int size, JsonString? hash, SchemaContext context)
    {
        if (System.Array.IndexOf(FieldTypes, type.Value) < 0)
        {
            context.Report(DiagnosticIds.InvalidValue, type.Range, $"'{type.Value}' is not a field type; expected one of: {string.Join(", ", FieldTypes)}");
            return false;
        }

        int expected = type.Value switch
        {
            "u8" => 1,
            "u16" => 2,
            "u32" => 4,
            "u64" => 8,
            "digest" => hash is null ? 0 : HashAlgorithms.DigestSize(hash.Value),
            _ => size,
        };
        if (type.Value == "digest" && (hash is null || expected == 0))
        {
            context.Report(DiagnosticIds.InvalidValue, hash?.Range ?? type.Range, $"Digest field '{field}' needs a 'hash' naming a kernel hash algorithm");
            return false;
        }

        if (type.Value == "flags" && size is not (1 or 2 or 4 or 8))
        {
            context.Report(DiagnosticIds.InvalidValue, type.Range, Invariant($"Flags field '{field}' must be 1, 2, 4 or 8 bytes, not {size}"));
            return false;
        }

        if (expected != size)
        {
            context.Report(DiagnosticIds.InvalidReportField, type.Range, Invariant($"Field '{field}' is {size} bytes, but type {type.Value}{(hash is null ? string.Empty : " " + hash.Value)} is {expected} bytes"));
            return false;
        }

        return true;
    }

    private static EquatableArray<long> ReadVersions(ObjectReader field, SchemaContext context)
    {
        JsonArray? versions = field.Array("versions", required: false);
        if (versions is null)
        {
            return EquatableArray<long>.Empty;
        }

        var result = new List<long>();
        foreach (JsonNode item in versions.Items)
        {
            JsonNumber? version = ObjectReader.ReadInteger(item, "a version", 0, uint.MaxValue, context);
            if (version is not null)
            {
                result.Add(ObjectReader.ValueOf(version));
            }
        }

        return result.ToEquatableArray();
    }

    private static EquatableArray<BitSpec> ReadBits(ObjectReader field, int size, SchemaContext context)
    {
        JsonNode? node = field.Node("bits", required: false);
        if (node is null)
        {
            return EquatableArray<BitSpec>.Empty;
        }

        if (node is not JsonObject bits)
        {
            context.Report(DiagnosticIds.InvalidValue, node.Range, "'bits' must be an object mapping bit names to bit numbers");
            return EquatableArray<BitSpec>.Empty;
        }

        var result = new List<BitSpec>();
        foreach (JsonProperty bit in bits.Properties)
        {
            JsonNumber? number = ObjectReader.ReadInteger(bit.Value, $"bit '{bit.Name}'", 0, (size * 8) - 1, context);
            if (!Naming.IsSnakeName(bit.Name))
            {
                context.Report(DiagnosticIds.InvalidName, bit.NameRange, bit.Name, "bit name", Naming.ExplainBadName(bit.Name));
            }
            else if (number is not null)
            {
                result.Add(new BitSpec(bit.Name, (int)ObjectReader.ValueOf(number)));
            }
        }

        return result.ToEquatableArray();
    }

    private static EquatableArray<ReportCheckSpec> ReadChecks(ObjectReader report, List<ReportFieldSpec> fields, SchemaContext context)
    {
        JsonArray? checks = report.Array("checks", required: false);
        if (checks is null)
        {
            return EquatableArray<ReportCheckSpec>.Empty;
        }

        var result = new List<ReportCheckSpec>();
        foreach (JsonNode node in checks.Items)
        {
            ObjectReader? check = ObjectReader.Create(node, "a check", CheckKeys, context);
            JsonString? field = check?.String("field", required: true);
            if (check is null || field is null)
            {
                continue;
            }

            if (!fields.Any(f => f.Name == field.Value))
            {
                context.Report(DiagnosticIds.InvalidReportField, field.Range, $"Check names field '{field.Value}', which the report does not define");
                continue;
            }

            var allowed = new List<long>();
            JsonNumber? equals = check.Integer("equals", required: false, 0, long.MaxValue);
            if (equals is not null)
            {
                allowed.Add(ObjectReader.ValueOf(equals));
            }

            foreach (JsonNode item in check.Array("oneOf", required: false)?.Items ?? (IReadOnlyList<JsonNode>)System.Array.Empty<JsonNode>())
            {
                JsonNumber? value = ObjectReader.ReadInteger(item, "a 'oneOf' value", 0, long.MaxValue, context);
                if (value is not null)
                {
                    allowed.Add(ObjectReader.ValueOf(value));
                }
            }

            if (!check.Has("equals") && !check.Has("oneOf"))
            {
                context.Report(DiagnosticIds.MissingKey, SchemaContext.Opening(check.Json), "equals", "a check (give 'equals' or 'oneOf')");
            }

            result.Add(new ReportCheckSpec(field.Value, allowed.ToEquatableArray()));
        }

        return result.ToEquatableArray();
    }

    /// <summary>Two fields overlap when their byte ranges intersect in a version both have.</summary>
    private static void CheckOverlaps(JsonArray fieldsNode, List<ReportFieldSpec> fields, SchemaContext context)
    {
        List<ReportFieldSpec> ordered = fields.OrderBy(static f => f.Offset).ThenBy(static f => f.Name, System.StringComparer.Ordinal).ToList();
        for (int i = 0; i < ordered.Count; i++)
        {
            for (int j = i + 1; j < ordered.Count && ordered[j].Offset < ordered[i].Offset + ordered[i].Size; j++)
            {
                ReportFieldSpec a = ordered[i];
                ReportFieldSpec b = ordered[j];
                bool shareVersion = a.Versions.Count == 0 || b.Versions.Count == 0 || a.Versions.Any(v => b.Versions.Contains(v));
                if (shareVersion)
                {
                    TextRange where = FieldRange(fieldsNode, b.Name) ?? fieldsNode.Range;
                    context.Report(DiagnosticIds.InvalidReportField, where, Invariant($"Field '{b.Name}' (offset {b.Offset}, size {b.Size}) overlaps field '{a.Name}' (offset {a.Offset}, size {a.Size})"));
                }
            }
        }
    }

    private static TextRange? FieldRange(JsonArray fieldsNode, string name)
    {
        foreach (JsonNode node in fieldsNode.Items)
        {
            if (node is JsonObject field && field.TryGetProperty("name", out JsonProperty property) && property.Value is JsonString text && text.Value == name)
            {
                return node.Range;
            }
        }

        return null;
    }

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
