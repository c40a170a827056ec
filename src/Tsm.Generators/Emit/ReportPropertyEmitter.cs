using System.Collections.Generic;
using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes the property (and offset, and Has-property) of one report field. Digests return <c>ref readonly</c> into the
/// caller's buffer; a field the report's version lacks is null, or throws for spans and nested views: never zero.
/// </summary>
internal static class ReportPropertyEmitter
{
    /// <param name="flagsType">For a flags field, the qualified name of its flags type (shared by the vendor's layouts).</param>
    public static void Emit(SourceWriter w, ReportSpec report, ReportFieldSpec field, IReadOnlyDictionary<string, string> typeNames, string? flagsType)
    {
        string p = field.PropertyName;
        bool slot = ReportNames.NeedsSlot(report, field);
        bool conditional = ReportNames.HasPresenceSlot(report, field);
        string offset = ReportNames.OffsetOf(report, field);
        string length = ReportNames.LengthOf(report, field);
        string slice = $"_data.Slice({offset}, {length})";
        string missing = $"throw new global::Tsm.ReportFieldNotPresentException(\"{report.TypeName}\", \"{field.Name}\")";

        w.Line();
        w.Summary(Describe(field));
        switch (field.Type)
        {
            case "u8" or "u16" or "u32" or "u64" when field.As is not null:
                string asType = "global::Tsm." + field.As;
                string made = $"new {asType}({ReportNames.ReadInteger(field, "_data", offset)})";
                w.Line(conditional ? $"public readonly {asType}? {p} => _has{p} ? {made} : null;" : $"public readonly {asType} {p} => {made};");
                break;
            case "u8" or "u16" or "u32" or "u64":
                string type = ReportNames.IntegerType(field);
                string read = ReportNames.ReadInteger(field, "_data", offset);
                w.Line(conditional ? $"public readonly {type}? {p} => _has{p} ? {read} : null;" : $"public readonly {type} {p} => {read};");
                break;
            case "flags":
                string flags = flagsType!;
                string value = $"new {flags}({ReportNames.ReadInteger(field, "_data", offset)})";
                w.Line(conditional ? $"public readonly {flags}? {p} => _has{p} ? {value} : null;" : $"public readonly {flags} {p} => {value};");
                break;
            case "layout":
                string nested = typeNames[field.Layout!];
                string version = slot ? "_ver" + p
                    : field.LayoutVersionFrom is not null ? "(long)" + ReportNames.ReadInteger(FieldNamed(report, field.LayoutVersionFrom), "_data", OffsetOf(report, field.LayoutVersionFrom))
                    : CSharpLiteral.Int(field.LayoutVersion < 0 ? 0 : field.LayoutVersion);
                string view = $"{nested}.Validated({slice}, {version})";
                w.Line(conditional ? $"public readonly {nested} {p} => _has{p} ? {view} : {missing};" : $"public readonly {nested} {p} => {view};");
                break;
            default:
                EmitBytes(w, field, conditional, slice, missing);
                break;
        }

        if (conditional)
        {
            w.Line();
            w.Summary($"Whether this report has '{field.Name}' (its version or type decides).");
            w.Line($"public readonly bool Has{p} => _has{p};");
        }

        w.Line();
        w.Summary($"The byte offset of '{field.Name}' in this report.");
        w.Line($"public readonly int {p}Offset => {offset};");
    }

    private static void EmitBytes(SourceWriter w, ReportFieldSpec field, bool conditional, string slice, string missing)
    {
        string p = field.PropertyName;
        string? valueType = ReportNames.ValueType(field);
        if (valueType is null)
        {
            w.Line(conditional ? $"public readonly {ReportNames.Span} {p} => _has{p} ? {slice} : {missing};" : $"public readonly {ReportNames.Span} {p} => {slice};");
        }
        else if (conditional)
        {
            w.Line($"public readonly {valueType}? {p} => _has{p} ? {ReportNames.Marshal}.Read<{valueType}>({slice}) : null;");
        }
        else
        {
            w.Line($"public readonly ref readonly {valueType} {p} => ref {ReportNames.Marshal}.AsRef<{valueType}>({slice});");
        }
    }

    private static string Describe(ReportFieldSpec field)
    {
        string where = field.After is null ? $"offset {CSharpLiteral.Int(field.Offset)}" : $"after '{field.After}'";
        string size = field.SizeFrom is null ? $"{CSharpLiteral.Int(field.Size)} bytes" : $"size from '{field.SizeFrom}'";
        string facts = $"'{field.Name}' ({field.Type}, {size}, {where})";
        return field.Description is null ? facts + "." : field.Description + " " + facts + ".";
    }

    private static ReportFieldSpec FieldNamed(ReportSpec report, string name)
    {
        foreach (ReportFieldSpec field in report.Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        throw new System.InvalidOperationException("unknown field " + name);
    }

    private static string OffsetOf(ReportSpec report, string name)
    {
        ReportFieldSpec field = FieldNamed(report, name);
        return ReportNames.OffsetOf(report, field);
    }
}
