using System.Collections.Generic;
using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes the property (and offset, and Has-property) of one report field. Digests return <c>ref readonly</c> into the
/// caller's buffer; a field the report's version lacks is null, or throws for spans and nested views: never zero.
/// </summary>
internal static class ReportPropertyEmitter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

    /// <param name="flagsType">For a flags field, the qualified name of its flags type (shared by the vendor's layouts).</param>
    public static void Emit(SourceWriter w, ReportSpec report, ReportFieldSpec field, IReadOnlyDictionary<string, string> typeNames, string? flagsType)
    {
        string p = field.PropertyName;
        bool conditional = ReportNames.HasPresenceSlot(report, field);
        bool placed = !ReportNames.HasOffsetSlot(report, field);
        string offset = ReportNames.OffsetOf(report, field);
        string length = ReportNames.LengthOf(report, field);

        // The first step of every read: a default view throws. Fields only some versions have check their presence
        // in the same step; the reads behind it use the span without the check (Present made it).
        string has = $"Present(_has{p})";
        string span = conditional ? "_data" : "Data";
        string missing = $"throw new global::Tsm.ReportFieldNotPresentException(\"{report.TypeName}\", \"{field.Name}\")";

        w.Line();
        w.Summary(Describe(field));
        switch (field.Type)
        {
            case "u8" or "u16" or "u32" or "u64" or "flags":
                string type = field.Type == "flags" ? flagsType! : field.As is not null ? "global::" + field.As : ReportNames.IntegerType(field);
                string read = placed ? ReportNames.ReadAt(field, offset) : ReportNames.ReadInteger(field, span, offset);
                string value = field.Type == "flags" || field.As is not null ? $"new {type}({read})" : read;
                w.Line(conditional ? $"public readonly {type}? {p} => {has} ? {value} : null;" : $"public readonly {type} {p} => {value};");
                break;
            case "layout":
                string nested = typeNames[field.Layout!];
                string view = ReportNames.NestedView(field);
                if (conditional)
                {
                    w.Line($"public readonly {nested} {p} => {has} ? {view} : {missing};");
                }
                else
                {
                    w.Open($"public readonly {nested} {p}");
                    w.Open("get");
                    w.Line("RequireParsed();");
                    w.Line($"return {view};");
                    w.Close();
                    w.Close();
                }

                break;
            default:
                EmitBytes(w, field, conditional, placed, placed ? offset : $"{span}.Slice({offset}, {length})", has, missing);
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

    /// <param name="where">For a placed field its constant offset (read through <c>At</c>), otherwise the checked slice.</param>
    private static void EmitBytes(SourceWriter w, ReportFieldSpec field, bool conditional, bool placed, string where, string has, string missing)
    {
        string p = field.PropertyName;
        string? valueType = ReportNames.ValueType(field);
        string size = CSharpLiteral.Int(field.Size);
        if (valueType is null)
        {
            string bytes = placed ? $"{ReportNames.Marshal}.CreateReadOnlySpan(ref At({where}), {size})" : where;
            w.Line(conditional ? $"public readonly {ReportNames.Span} {p} => {has} ? {bytes} : {missing};" : $"public readonly {ReportNames.Span} {p} => {bytes};");
        }
        else if (conditional)
        {
            string value = placed ? $"{Unsafe}.ReadUnaligned<{valueType}>(ref At({where}))" : $"{ReportNames.Marshal}.Read<{valueType}>({where})";
            w.Line($"public readonly {valueType}? {p} => {has} ? {value} : null;");
        }
        else
        {
            string reference = placed ? $"{Unsafe}.As<byte, {valueType}>(ref At({where}))" : $"{ReportNames.Marshal}.AsRef<{valueType}>({where})";
            w.Line($"public readonly ref readonly {valueType} {p} => ref {reference};");
        }
    }

    private static string Describe(ReportFieldSpec field)
    {
        string where = field.After is null ? $"offset {CSharpLiteral.Int(field.Offset)}" : $"after '{field.After}'";
        string size = field.SizeFrom is null ? $"{CSharpLiteral.Int(field.Size)} bytes" : $"size from '{field.SizeFrom}'";
        string facts = $"'{field.Name}' ({field.Type}, {size}, {where})";
        return field.Description is null ? facts + "." : field.Description + " " + facts + ".";
    }
}
