using Tsm.Generators.Model;
using Tsm.Generators.Plan;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes the property (and offset, and Has-property) of one report field. Digests return <c>ref readonly</c> into the
/// caller's buffer; a field the report's version lacks is null, or throws for spans and nested views: never zero.
/// </summary>
internal static class ReportPropertyEmitter
{
    private const string Unsafe = "global::System.Runtime.CompilerServices.Unsafe";

    public static void Emit(SourceWriter w, ReportSpec report, FieldPlan plan)
    {
        ReportFieldSpec field = plan.Field;
        string p = field.PropertyName;
        bool conditional = plan.HasPresenceSlot;
        bool placed = !plan.HasOffsetSlot;
        string offset = plan.OffsetExpression;

        // The first step of every read: a default view throws. Fields only some versions have check their presence
        // in the same step; the reads behind it use the span without the check (Present made it).
        string has = $"Present(_has{p})";
        string span = conditional ? "_data" : "Data";
        string missing = $"throw new global::Tsm.ReportFieldNotPresentException(\"{report.TypeName}\", \"{field.Name}\")";
        string where = placed ? offset : $"{span}.Slice({offset}, {plan.LengthExpression})";

        w.Line();
        w.Summary(Describe(field));
        System.Action emit = plan.Shape switch
        {
            PropertyShape.Integer or PropertyShape.Flags => () => EmitInteger(w, plan, conditional, placed ? IntegerReads.ReadAt(plan.Integer!.Value, offset) : IntegerReads.Read(plan.Integer!.Value, span, offset), has),
            PropertyShape.Nested => () => EmitNested(w, plan, conditional, placed, where, has, missing),
            PropertyShape.Value => () => EmitValue(w, plan, conditional, placed, where, has),
            PropertyShape.Bytes => () => EmitBytes(w, plan, conditional, placed, where, has, missing),
        };
        emit();

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

    /// <summary>The integer, or the struct (flags, <c>as</c>) constructed from it.</summary>
    private static void EmitInteger(SourceWriter w, FieldPlan plan, bool conditional, string read, string has)
    {
        string type = plan.PropertyType;
        string value = plan.Shape == PropertyShape.Flags || plan.Field.As is not null ? $"new {type}({read})" : read;
        w.Line(conditional ? $"public readonly {type}? {plan.PropertyName} => {has} ? {value} : null;" : $"public readonly {type} {plan.PropertyName} => {value};");
    }

    /// <summary>
    /// The nested view, built on each read from the slice and version the parse proved: a few field reads, never a
    /// second validation.
    /// </summary>
    private static void EmitNested(SourceWriter w, FieldPlan plan, bool conditional, bool placed, string where, string has, string missing)
    {
        string slice = placed ? $"{ReportNames.Marshal}.CreateReadOnlySpan(ref At({where}), {plan.LengthExpression})" : where;
        string view = $"{plan.PropertyType}.Proven({slice}, {plan.NestedVersionExpression})";
        w.Open($"public readonly {plan.PropertyType} {plan.PropertyName}");
        // Inlined whatever the caller's inlining budget says: a call would force the parent view into memory and
        // return the nested one through it, where inlined both stay in registers and unread slots vanish.
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        w.Line(conditional ? $"get => {has} ? {view} : {missing};" : $"get => {view};");
        w.Close();
    }

    /// <param name="where">For a placed field its constant offset (read through <c>At</c>), otherwise the checked slice.</param>
    private static void EmitValue(SourceWriter w, FieldPlan plan, bool conditional, bool placed, string where, string has)
    {
        string valueType = plan.PropertyType;
        if (conditional)
        {
            string value = placed ? $"{Unsafe}.ReadUnaligned<{valueType}>(ref At({where}))" : $"{ReportNames.Marshal}.Read<{valueType}>({where})";
            w.Line($"public readonly {valueType}? {plan.PropertyName} => {has} ? {value} : null;");
            return;
        }

        string reference = placed ? $"{Unsafe}.As<byte, {valueType}>(ref At({where}))" : $"{ReportNames.Marshal}.AsRef<{valueType}>({where})";
        w.Line($"public readonly ref readonly {valueType} {plan.PropertyName} => ref {reference};");
    }

    /// <param name="where">For a placed field its constant offset (read through <c>At</c>), otherwise the checked slice.</param>
    private static void EmitBytes(SourceWriter w, FieldPlan plan, bool conditional, bool placed, string where, string has, string missing)
    {
        string bytes = placed ? $"{ReportNames.Marshal}.CreateReadOnlySpan(ref At({where}), {plan.LengthExpression})" : where;
        w.Line(conditional ? $"public readonly {ReportNames.Span} {plan.PropertyName} => {has} ? {bytes} : {missing};" : $"public readonly {ReportNames.Span} {plan.PropertyName} => {bytes};");
    }

    private static string Describe(ReportFieldSpec field)
    {
        string where = field.Placement.After is string after ? $"after '{after}'" : $"offset {CSharpLiteral.Int(field.ConstantOffset())}";
        string size = field.Length.From is string from ? $"size from '{from}'" : $"{CSharpLiteral.Int(field.ConstantSize())} bytes";
        string facts = $"'{field.Name}' ({field.Type.Name()}, {size}, {where})";
        return field.Description is null ? facts + "." : field.Description + " " + facts + ".";
    }
}
