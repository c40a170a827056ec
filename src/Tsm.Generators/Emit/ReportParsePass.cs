using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Plan;

namespace Tsm.Generators.Emit;

/// <summary>
/// The steps of one pass over a layout's fields (<see cref="ReportParseEmitter"/>), and what each pass reads, keeps and
/// checks. Validation bounds-tests and checks every step; the view of proven bytes only follows the layout's shape.
/// </summary>
internal sealed class ReportParsePass(SourceWriter w, LayoutPlan plan, ParseMode mode, bool tracksEnd)
{
    private const string Errors = ReportParseEmitter.Errors;

    private bool Validates => mode != ParseMode.Proven;

    public void Static(FieldPlan field)
    {
        string offset = field.OffsetExpression;
        if (ReadsValue(field, mode))
        {
            w.Line();
            w.Line($"long v{field.PropertyName} = (long){IntegerReads.Read(field.Integer!.Value, "data", offset)};");
            Checks(field, offset);
        }

        if (field.IsNested && Validates)
        {
            w.Line();
            Nested(field, offset, field.LengthExpression, VersionOf(field));
        }
        else if (KeepsVersion(field, mode))
        {
            w.Line($"ver{field.PropertyName} = {VersionOf(field)};");
        }
    }

    /// <summary>A field at a constant place inside the fixed part that only some versions have: only its presence is decided here.</summary>
    public void PlacedConditional(FieldPlan field)
    {
        string p = field.PropertyName;
        string offset = field.OffsetExpression;
        bool reads = ReadsValue(field, mode);
        bool nested = field.IsNested && (Validates || KeepsVersion(field, mode));
        bool keeps = KeepsPresence(field, mode);
        if (!keeps && !reads && !nested)
        {
            return;
        }

        w.Line();
        string condition = Condition(field)!;
        if (keeps)
        {
            w.Line($"has{p} = {condition};");
            condition = "has" + p;
        }

        if (!reads && !nested)
        {
            return;
        }

        w.Open($"if ({condition})");
        if (reads)
        {
            w.Line($"v{p} = (long){IntegerReads.Read(field.Integer!.Value, "data", offset)};");
            Checks(field, offset);
        }

        if (nested)
        {
            w.Line($"ver{p} = {VersionOf(field)};");
            if (Validates)
            {
                Nested(field, offset, field.LengthExpression, "ver" + p);
            }
        }

        w.Close();
    }

    /// <summary>A field whose place or length the pass finds: validation tests its bounds; every pass records them.</summary>
    public void Dynamic(FieldPlan field)
    {
        ReportFieldSpec spec = field.Field;
        string p = field.PropertyName;
        w.Line();
        w.Line($"// {field.Name}: {spec.Type.Name()}{(spec.Nested is null ? string.Empty : " " + spec.Nested.Layout)}");
        string? condition = Condition(field);
        if (condition is not null)
        {
            w.Open($"if ({condition})");
        }
        else
        {
            w.OpenBlock();
        }

        if (Validates && spec.Placement.After is string after && plan.Field(after).PresenceTestedByAfter)
        {
            w.Open($"if (!has{plan.Field(after).PropertyName})");
            Failure(w, mode, "end", $"{Errors}.MissingPredecessor(\"{field.Name}\", \"{after}\")");
            w.Close();
        }

        if (KeepsPresence(field, mode))
        {
            w.Line($"has{p} = true;");
        }

        w.Line($"o{p} = {Offset(spec)};");
        if (spec.Length.From is not string sizeFrom)
        {
            w.Line($"l{p} = {CSharpLiteral.Int(spec.ConstantSize())};");
            // A variant at a constant place inside the fixed part is found by the parse only to record which one is
            // there: the minimum-size test already covers it.
            bool insideFixedPart = spec.Placement.After is null && spec.ConstantOffset() + spec.ConstantSize() <= plan.Report.Size;
            if (Validates && !insideFixedPart)
            {
                w.Open($"if (o{p} > data.Length - l{p})");
                Failure(w, mode, $"global::System.Math.Min(o{p}, data.Length)", $"{Errors}.OutOfBounds(\"{field.Name}\", o{p}, l{p}, data.Length)");
                w.Close();
            }
        }
        else
        {
            string size = Value(sizeFrom);
            if (Validates)
            {
                w.Open($"if ({size} > data.Length - o{p})");
                Failure(w, mode, $"global::System.Math.Min(o{p}, data.Length)", $"{Errors}.OutOfBounds(\"{field.Name}\", \"{sizeFrom}\", o{p}, {size}, data.Length)");
                w.Close();
            }

            w.Line(field.LengthFromEnd && !Validates ? $"l{p} = data.Length - o{p};" : $"l{p} = (int){size};");
        }

        if (ReadsValue(field, mode))
        {
            // Validation reads right after its own bounds test; the view of proven bytes reads through a checked
            // slice, so bytes changed since they were validated can throw but never reach past the span.
            string read = Validates
                ? IntegerReads.ReadAfterBoundsTest(field.Integer!.Value, "data", "o" + p)
                : IntegerReads.Read(field.Integer!.Value, "data", "o" + p);
            w.Line($"v{p} = (long){read};");
            Checks(field, "o" + p);
        }

        if (field.IsNested && (Validates || KeepsVersion(field, mode)))
        {
            w.Line($"ver{p} = {VersionOf(field)};");
            if (Validates)
            {
                Nested(field, "o" + p, "l" + p, "ver" + p);
            }
        }

        if (tracksEnd)
        {
            string? update = field.EndUpdate switch
            {
                EndUpdate.Unchanged => null,
                EndUpdate.Becomes => $"end = o{p} + l{p};",
                EndUpdate.AtLeast => $"end = global::System.Math.Max(end, o{p} + l{p});",
            };
            if (update is not null)
            {
                w.Line(update);
            }
        }

        w.Close();
    }

    /// <summary>A failed step: the fast pass only says no; the diagnosing one records where and why. The view of proven bytes fails nothing.</summary>
    public static void Failure(SourceWriter w, ParseMode mode, string offset, string message)
    {
        w.Line(mode switch
        {
            ParseMode.Fast => "return false;",
            ParseMode.Diagnosing => $"return Fail({offset}, {message}, out errorOffset, out reason);",
            ParseMode.Proven => throw new System.InvalidOperationException("the view of proven bytes checks nothing"),
        });
    }

    /// <summary>
    /// Whether the pass keeps a local <c>hasP</c>: a later <c>when</c> tests it in every pass, a later <c>after</c> only
    /// in validation (proven bytes have the predecessor), and the view stores it.
    /// </summary>
    public static bool KeepsPresence(FieldPlan field, ParseMode mode) => mode switch
    {
        ParseMode.Fast or ParseMode.Diagnosing => field.PresenceTestedByWhen || field.PresenceTestedByAfter,
        ParseMode.Proven => field.PresenceTestedByWhen || (field.HasPresenceSlot && !field.PresentWhenValid),
    };

    /// <summary>Whether the pass reads the field's value: validation for every use, the view only for values that shape the layout.</summary>
    public static bool ReadsValue(FieldPlan field, ParseMode mode) => mode switch
    {
        ParseMode.Fast or ParseMode.Diagnosing => field.ValueNeeded,
        ParseMode.Proven => field.ValueShapesLayout,
    };

    /// <summary>Whether the pass keeps a nested layout's version in a local: validation passes it on, the view stores it.</summary>
    public static bool KeepsVersion(FieldPlan field, ParseMode mode) => mode switch
    {
        ParseMode.Fast or ParseMode.Diagnosing => field.IsNested && field.Step != ParseStep.Static,
        ParseMode.Proven => field.HasVersionSlot,
    };

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

    private void Checks(FieldPlan field, string offset)
    {
        if (!Validates)
        {
            return;
        }

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

    /// <summary>Validates a nested layout where it lies; its view is built on each read, from what <c>Proven</c> keeps.</summary>
    private void Nested(FieldPlan field, string offset, string length, string version)
    {
        // Unchecked: every caller tested that [offset, offset + length) lies inside data just before.
        string slice = $"{ReportNames.Marshal}.CreateReadOnlySpan(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {ReportNames.Marshal}.GetReference(data), {offset}), {length})";
        (string call, string failedAt, string message) = mode switch
        {
            ParseMode.Fast => ($"{field.PropertyType}.IsValid({slice}, {version})", offset, string.Empty),
            ParseMode.Diagnosing => (
                $"{field.PropertyType}.Diagnose({slice}, {version}, out int nestedOffset, out string? nestedReason)",
                $"{offset} + nestedOffset",
                $"{Errors}.InNested(\"{field.Name}\", nestedReason!)"),
            ParseMode.Proven => throw new System.InvalidOperationException("the view of proven bytes validates nothing"),
        };
        w.Open($"if (!{call})");
        Failure(w, mode, failedAt, message);
        w.Close();
    }

    private string VersionOf(FieldPlan field) => field.Field.Nested!.VersionFrom is string from
        ? Value(from)
        : CSharpLiteral.Int(field.Field.Nested.Version ?? 0);

    private string? Condition(FieldPlan field)
    {
        var parts = new List<string>();
        ReportFieldSpec spec = field.Field;
        if (spec.Versions.Count > 0)
        {
            string version = plan.Report.VersionFromParent ? "version" : Value(plan.Report.VersionField!);
            parts.Add("(" + string.Join(" || ", spec.Versions.Select(v => $"{version} == {CSharpLiteral.Int(v)}")) + ")");
        }

        if (spec.When is not null)
        {
            string value = Value(spec.When.Field);
            FieldPlan on = plan.Field(spec.When.Field);
            string present = on.PresenceTestedByWhen ? $"has{on.PropertyName} && " : string.Empty;
            parts.Add(present + "(" + string.Join(" || ", spec.When.Allowed.Select(v => $"{value} == {CSharpLiteral.Int(v)}")) + ")");
        }

        return parts.Count == 0 ? null : string.Join(" && ", parts);
    }

    private string Offset(ReportFieldSpec field)
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
    private string Value(string fieldName) => "v" + plan.Field(fieldName).PropertyName;
}
