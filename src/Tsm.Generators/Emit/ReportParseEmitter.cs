using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Plan;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes <c>TryCreate</c> twice from one plan: one straight pass over the fields in schema order that checks the size,
/// every type and version field and every internal length before any field is exposed, and records where dynamic
/// fields are. The fast one, behind <c>Parse</c> and <c>TryParse</c>, only answers yes or no: it has no error outputs
/// and builds no message, so inlined into a caller it adds few locals and the JIT keeps inlining the caller's own
/// small methods. The diagnosing one runs only after the fast one said no, to find the byte offset and the reason.
/// Fields at a fixed place that are always present cost nothing here: the minimum-size check covers them, so only
/// their checked values are read. The view is written in place (the caller's variable, through <c>out</c>), and nested
/// layouts are validated straight into their slots in it, so reading one later validates nothing again.
/// </summary>
internal static class ReportParseEmitter
{
    private const string Errors = "global::Tsm.ReportErrors";

    public static void Emit(SourceWriter w, LayoutPlan plan)
    {
        EmitTryCreate(w, plan, ParseMode.Fast);
        w.Line();
        EmitTryCreate(w, plan, ParseMode.Diagnosing);
        w.Line();
        // Out of line: inlined, its copies at every failure would crowd the caller's locals, and the JIT would stop
        // inlining the caller's own small methods after a parse.
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        w.Open("private static bool Fail(int offset, string message, out int errorOffset, out string? reason)");
        w.Line("errorOffset = offset;");
        w.Line("reason = message;");
        w.Line("return false;");
        w.Close();
    }

    private static void EmitTryCreate(SourceWriter w, LayoutPlan plan, ParseMode mode)
    {
        ReportSpec report = plan.Report;
        string t = report.TypeName;
        string signature = mode switch
        {
            ParseMode.Fast => $"internal static bool TryCreate({ReportNames.Span} data, long parentVersion, out {t} view)",
            ParseMode.Diagnosing => $"internal static bool TryCreate({ReportNames.Span} data, long parentVersion, out {t} view, out int errorOffset, out string? reason)",
        };
        if (mode == ParseMode.Fast && plan.IsSmall)
        {
            // A handful of constant-offset checks: inlined, the out parameter becomes the caller's local.
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        }

        w.Open(signature);
        // A layout whose fields all lie inside its fixed part ends there: the fast parse tests the exact length once,
        // the diagnosing one tells a short input from trailing bytes.
        bool exact = mode == ParseMode.Fast && plan.IsSmall && !report.Trailing;
        w.Open(exact ? "if (data.Length != MinimumSize)" : "if (data.Length < MinimumSize)");
        Failure(w, mode, "data.Length", $"{Errors}.TooShort(MinimumSize, data.Length)");
        w.Close();
        w.Line();
        w.Line($"view = new {t}(data);");
        w.Line("int end = MinimumSize;");
        w.Line(report.VersionFromParent ? "long version = parentVersion;" : "_ = parentVersion;");
        DeclareLocals(w, plan);

        // The version field comes first: conditions of fields before it in the schema may depend on it.
        if (plan.VersionField is not null)
        {
            EmitStaticField(w, plan, plan.VersionField, mode);
        }

        foreach (FieldPlan field in plan.Fields.Where(f => f != plan.VersionField))
        {
            System.Action step = field.Step switch
            {
                ParseStep.Static => () => EmitStaticField(w, plan, field, mode),
                ParseStep.PlacedConditional => () => EmitPlacedConditionalField(w, plan, field, mode),
                ParseStep.Dynamic => () => EmitDynamicField(w, plan, field, mode),
            };
            step();
        }

        w.Line();
        if (!report.Trailing && !exact)
        {
            w.Open("if (end != data.Length)");
            Failure(w, mode, "end", $"{Errors}.UnexpectedTrailingBytes(\"{t}\", end, data.Length)");
            w.Close();
            w.Line();
        }

        foreach (FieldPlan field in plan.Properties.Where(static f => f.NeedsSlot))
        {
            string p = field.PropertyName;
            if (field.HasOffsetSlot)
            {
                w.Line($"view._o{p} = o{p};");
                if (!field.IsNested)
                {
                    w.Line($"view._l{p} = l{p};");
                }
            }

            if (field.HasPresenceSlot)
            {
                w.Line($"view._has{p} = has{p};");
            }
        }

        if (report.VersionFromParent)
        {
            w.Line("view._version = version;");
        }

        w.Line("view._end = end;");
        if (mode == ParseMode.Diagnosing)
        {
            w.Line("errorOffset = 0;");
            w.Line("reason = null;");
        }

        w.Line("return true;");
        w.Close();
    }

    /// <summary>A failed step: the fast parse only says no; the diagnosing one records where and why.</summary>
    private static void Failure(SourceWriter w, ParseMode mode, string offset, string message)
    {
        w.Line("view = default;");
        w.Line(mode switch
        {
            ParseMode.Fast => "return false;",
            ParseMode.Diagnosing => $"return Fail({offset}, {message}, out errorOffset, out reason);",
        });
    }

    private static void DeclareLocals(SourceWriter w, LayoutPlan plan)
    {
        foreach (FieldPlan field in plan.Properties)
        {
            string p = field.PropertyName;
            bool dynamic = field.Step != ParseStep.Static;
            if (field.HasOffsetSlot)
            {
                w.Line($"int o{p} = 0, l{p} = 0;");
            }

            if (field.PresenceTracked)
            {
                w.Line($"bool has{p} = false;");
            }

            if (field.ValueNeeded && dynamic)
            {
                w.Line($"long v{p} = 0;");
            }

            if (field.IsNested && dynamic)
            {
                w.Line($"long ver{p} = 0;");
            }
        }
    }

    private static void EmitStaticField(SourceWriter w, LayoutPlan plan, FieldPlan field, ParseMode mode)
    {
        string offset = field.OffsetExpression;
        if (field.ValueNeeded)
        {
            w.Line();
            w.Line($"long v{field.PropertyName} = (long){IntegerReads.Read(field.Integer!.Value, "data", offset)};");
            EmitChecks(w, plan, field, offset, mode);
        }

        if (field.IsNested)
        {
            w.Line();
            EmitNested(w, field, offset, field.LengthExpression, VersionOf(plan, field), mode);
        }
    }

    /// <summary>A field at a constant place inside the fixed part that only some versions have: only its presence is decided here.</summary>
    private static void EmitPlacedConditionalField(SourceWriter w, LayoutPlan plan, FieldPlan field, ParseMode mode)
    {
        string p = field.PropertyName;
        string offset = field.OffsetExpression;
        w.Line();
        w.Line($"has{p} = {Condition(plan, field)};");
        if (!field.ValueNeeded && !field.IsNested)
        {
            return;
        }

        w.Open($"if (has{p})");
        if (field.ValueNeeded)
        {
            w.Line($"v{p} = (long){IntegerReads.Read(field.Integer!.Value, "data", offset)};");
            EmitChecks(w, plan, field, offset, mode);
        }

        if (field.IsNested)
        {
            w.Line($"ver{p} = {VersionOf(plan, field)};");
            EmitNested(w, field, offset, field.LengthExpression, "ver" + p, mode);
        }

        w.Close();
    }

    private static void EmitDynamicField(SourceWriter w, LayoutPlan plan, FieldPlan field, ParseMode mode)
    {
        ReportFieldSpec spec = field.Field;
        string p = field.PropertyName;
        w.Line();
        w.Line($"// {field.Name}: {spec.Type.Name()}{(spec.Nested is null ? string.Empty : " " + spec.Nested.Layout)}");
        string? condition = Condition(plan, field);
        if (condition is not null)
        {
            w.Open($"if ({condition})");
        }
        else
        {
            w.OpenBlock();
        }

        if (spec.Placement.After is string after && plan.Field(after).PresenceTracked)
        {
            w.Open($"if (!has{plan.Field(after).PropertyName})");
            Failure(w, mode, "end", $"{Errors}.MissingPredecessor(\"{field.Name}\", \"{after}\")");
            w.Close();
        }

        if (field.PresenceTracked)
        {
            w.Line($"has{p} = true;");
        }

        w.Line($"o{p} = {Offset(plan, spec)};");
        if (spec.Length.From is not string sizeFrom)
        {
            w.Line($"l{p} = {CSharpLiteral.Int(spec.ConstantSize())};");
            w.Open($"if (o{p} > data.Length - l{p})");
            Failure(w, mode, $"global::System.Math.Min(o{p}, data.Length)", $"{Errors}.OutOfBounds(\"{field.Name}\", o{p}, l{p}, data.Length)");
            w.Close();
        }
        else
        {
            string size = Value(plan, sizeFrom);
            w.Open($"if ({size} > data.Length - o{p})");
            Failure(w, mode, $"global::System.Math.Min(o{p}, data.Length)", $"{Errors}.OutOfBounds(\"{field.Name}\", \"{sizeFrom}\", o{p}, {size}, data.Length)");
            w.Close();
            w.Line($"l{p} = (int){size};");
        }

        if (field.ValueNeeded)
        {
            w.Line($"v{p} = (long){IntegerReads.ReadAfterBoundsTest(field.Integer!.Value, "data", "o" + p)};");
            EmitChecks(w, plan, field, "o" + p, mode);
        }

        if (field.IsNested)
        {
            w.Line($"ver{p} = {VersionOf(plan, field)};");
            EmitNested(w, field, "o" + p, "l" + p, "ver" + p, mode);
        }

        w.Line($"end = global::System.Math.Max(end, o{p} + l{p});");
        w.Close();
    }

    private static void EmitChecks(SourceWriter w, LayoutPlan plan, FieldPlan field, string offset, ParseMode mode)
    {
        string p = field.PropertyName;
        foreach (ReportCheckSpec check in plan.Report.Checks.Where(c => c.Field == field.Name))
        {
            string test = Allowed($"v{p}", check.Allowed);
            string expected = check.Allowed.Count == 1 ? CSharpLiteral.Int(check.Allowed[0]) : "one of " + string.Join(", ", check.Allowed.Select(static v => CSharpLiteral.Int(v)));
            w.Open($"if (!({test}))");
            Failure(w, mode, offset, $"{Errors}.UnexpectedValue(\"{field.Name}\", v{p}, \"{expected}\")");
            w.Close();
        }
    }

    /// <summary>
    /// The test that <paramref name="value"/> is one of <paramref name="allowed"/>: a run of three or more consecutive
    /// values is one unsigned range comparison, the form a hand-written check takes (SEV-SNP VERSION 2-5).
    /// </summary>
    private static string Allowed(string value, Helpers.EquatableArray<long> allowed)
    {
        long min = allowed.Min();
        long max = allowed.Max();
        bool run = allowed.Count >= 3 && max - min == allowed.Count - 1 && allowed.Distinct().Count() == allowed.Count;
        return run
            ? $"(ulong)({value} - {CSharpLiteral.Int(min)}) <= {CSharpLiteral.Int(max - min)}UL"
            : string.Join(" || ", allowed.Select(v => $"{value} == {CSharpLiteral.Int(v)}"));
    }

    /// <summary>Validates a nested layout straight into the view's slot for it: reading it later costs no second validation.</summary>
    private static void EmitNested(SourceWriter w, FieldPlan field, string offset, string length, string version, ParseMode mode)
    {
        string target = $"out view.{ReportNames.NestedView(field.Field)}";
        // Unchecked: every caller tested that [offset, offset + length) lies inside data just before.
        string slice = $"{ReportNames.Marshal}.CreateReadOnlySpan(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {ReportNames.Marshal}.GetReference(data), {offset}), {length})";
        (string call, string failedAt, string message) = mode switch
        {
            ParseMode.Fast => ($"{field.PropertyType}.TryCreate({slice}, {version}, {target})", offset, string.Empty),
            ParseMode.Diagnosing => (
                $"{field.PropertyType}.TryCreate({slice}, {version}, {target}, out int nestedOffset, out string? nestedReason)",
                $"{offset} + nestedOffset",
                $"{Errors}.InNested(\"{field.Name}\", nestedReason!)"),
        };
        w.Open($"if (!{call})");
        Failure(w, mode, failedAt, message);
        w.Close();
    }

    private static string VersionOf(LayoutPlan plan, FieldPlan field) => field.Field.Nested!.VersionFrom is string from
        ? Value(plan, from)
        : CSharpLiteral.Int(field.Field.Nested.Version ?? 0);

    private static string? Condition(LayoutPlan plan, FieldPlan field)
    {
        var parts = new List<string>();
        ReportFieldSpec spec = field.Field;
        if (spec.Versions.Count > 0)
        {
            string version = plan.Report.VersionFromParent ? "version" : Value(plan, plan.Report.VersionField!);
            parts.Add("(" + string.Join(" || ", spec.Versions.Select(v => $"{version} == {CSharpLiteral.Int(v)}")) + ")");
        }

        if (spec.When is not null)
        {
            string value = Value(plan, spec.When.Field);
            FieldPlan on = plan.Field(spec.When.Field);
            string present = on.PresenceTracked ? $"has{on.PropertyName} && " : string.Empty;
            parts.Add(present + "(" + string.Join(" || ", spec.When.Allowed.Select(v => $"{value} == {CSharpLiteral.Int(v)}")) + ")");
        }

        return parts.Count == 0 ? null : string.Join(" && ", parts);
    }

    private static string Offset(LayoutPlan plan, ReportFieldSpec field)
    {
        if (field.Placement.After is not string after)
        {
            return CSharpLiteral.Int(field.ConstantOffset());
        }

        FieldPlan previous = plan.Field(after);
        return previous.HasOffsetSlot
            ? $"o{previous.PropertyName} + l{previous.PropertyName}"
            : CSharpLiteral.Int(previous.Field.ConstantOffset() + previous.Field.ConstantSize());
    }

    /// <summary>The local holding an integer field's value (read by the field's own step).</summary>
    private static string Value(LayoutPlan plan, string fieldName) => "v" + plan.Field(fieldName).PropertyName;
}
