using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Plan;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes three passes over a layout's fields from one plan, each a straight run in schema order. <c>IsValid</c>,
/// behind <c>Parse</c> and <c>TryParse</c>, checks the size, every type and version field and every internal length,
/// nested layouts included, and only answers yes or no: no error outputs, no message and no view, so it compiles to
/// the hand-written checks (inlined into <c>Parse</c> for a small layout, into one out-of-line <c>Validate</c> otherwise). <c>Diagnose</c> runs only after it said no, to find the byte offset and the
/// reason. <c>Proven</c> builds the view of bytes a validation accepted: it keeps the offsets, presence and versions
/// the fields need and checks nothing again; inlined into the caller, the JIT drops whatever the caller never reads.
/// A nested view is not kept inside its parent but built on each read by its own <c>Proven</c>: reading
/// <c>quote.SignatureData.CertificationData</c> costs field reads, not a validation or a copy of every view on the way.
/// Fields at a fixed place that are always present cost nothing in any pass: the minimum-size check covers them.
/// </summary>
internal static class ReportParseEmitter
{
    internal const string Errors = "global::Tsm.ReportErrors";
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    public static void Emit(SourceWriter w, LayoutPlan plan)
    {
        EmitPass(w, plan, ParseMode.Fast);
        w.Line();
        if (!plan.IsSmall)
        {
            // The one call a parse makes: IsValid inlines every nested layout's IsValid into itself here, and the
            // caller of Parse keeps its inlining budget for the view and the reads (inlined there too, the chain would
            // use it up and leave the property getters as calls on a view that then lives in memory).
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Line($"private static bool Validate({ReportNames.Span} data, long parentVersion) => IsValid(data, parentVersion);");
            w.Line();
        }

        EmitPass(w, plan, ParseMode.Diagnosing);
        w.Line();
        EmitPass(w, plan, ParseMode.Proven);
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

    private static void EmitPass(SourceWriter w, LayoutPlan plan, ParseMode mode)
    {
        ReportSpec report = plan.Report;
        string t = report.TypeName;
        string signature = mode switch
        {
            ParseMode.Fast => $"internal static bool IsValid({ReportNames.Span} data, long parentVersion)",
            ParseMode.Diagnosing => $"internal static bool Diagnose({ReportNames.Span} data, long parentVersion, out int errorOffset, out string? reason)",
            ParseMode.Proven => $"internal static {t} Proven({ReportNames.Span} data, long parentVersion)",
        };
        if (mode != ParseMode.Diagnosing)
        {
            w.Line(Inline);
        }

        w.Open(signature);
        // A layout whose fields all lie inside its fixed part ends there: the fast pass tests the exact length once,
        // the diagnosing one tells a short input from trailing bytes.
        bool exact = mode == ParseMode.Fast && plan.IsSmall && !report.Trailing;
        if (mode != ParseMode.Proven)
        {
            w.Open(exact ? "if (data.Length != MinimumSize)" : "if (data.Length < MinimumSize)");
            ReportParsePass.Failure(w, mode, "data.Length", $"{Errors}.TooShort(MinimumSize, data.Length)");
            w.Close();
            w.Line();
        }
        else
        {
            // Validated bytes are never shorter; bytes changed since (a nested view is built on each read) can be.
            // The test also lets the JIT drop the bounds checks of the reads inside the fixed part, here and in the
            // getters that follow, which test the same length.
            w.Open("if (data.Length < MinimumSize)");
            w.Line($"global::Tsm.ReportErrors.ThrowChangedSinceParse(\"{t}\");");
            w.Close();
            w.Line();
        }

        bool tracksEnd = TracksEnd(report, mode, exact);
        if (tracksEnd)
        {
            w.Line("int end = MinimumSize;");
        }

        w.Line(report.VersionFromParent ? "long version = parentVersion;" : "_ = parentVersion;");
        DeclareLocals(w, plan, mode);
        var pass = new ReportParsePass(w, plan, mode, tracksEnd);

        // The version field comes first: conditions of fields before it in the schema may depend on it.
        if (plan.VersionField is not null)
        {
            pass.Static(plan.VersionField);
        }

        foreach (FieldPlan field in plan.Fields.Where(f => f != plan.VersionField))
        {
            System.Action step = field.Step switch
            {
                ParseStep.Static => () => pass.Static(field),
                ParseStep.PlacedConditional => () => pass.PlacedConditional(field),
                ParseStep.Dynamic => () => pass.Dynamic(field),
            };
            step();
        }

        w.Line();
        if (!report.Trailing && !exact && mode != ParseMode.Proven)
        {
            w.Open("if (end != data.Length)");
            ReportParsePass.Failure(w, mode, "end", $"{Errors}.UnexpectedTrailingBytes(\"{t}\", end, data.Length)");
            w.Close();
            w.Line();
        }

        System.Action finish = mode switch
        {
            ParseMode.Fast => () => w.Line("return true;"),
            ParseMode.Diagnosing => () =>
            {
                w.Line("errorOffset = 0;");
                w.Line("reason = null;");
                w.Line("return true;");
            },
            ParseMode.Proven => () => EmitView(w, plan),
        };
        finish();
        w.Close();
    }

    /// <summary>
    /// Whether the pass keeps the end of the last field: validation to reject bytes past it (the diagnosing one also
    /// names it as the offset of a missing predecessor), the view of a layout with trailing bytes to know where they start.
    /// </summary>
    private static bool TracksEnd(ReportSpec report, ParseMode mode, bool exact) => mode switch
    {
        ParseMode.Fast => !report.Trailing && !exact,
        ParseMode.Diagnosing => true,
        ParseMode.Proven => report.Trailing,
    };

    /// <summary>The view of proven bytes, with the slots the plan keeps; a layout without trailing bytes ends where the input does.</summary>
    private static void EmitView(SourceWriter w, LayoutPlan plan)
    {
        ReportSpec report = plan.Report;
        w.Line($"{report.TypeName} view = new {report.TypeName}(data);");
        foreach (FieldPlan field in plan.Properties.Where(static f => f.NeedsSlot || f.HasVersionSlot))
        {
            string p = field.PropertyName;
            if (field.HasOffsetSlot)
            {
                w.Line($"view._o{p} = o{p};");
                w.Line($"view._l{p} = l{p};");
            }

            if (field.HasPresenceSlot)
            {
                w.Line(field.PresentWhenValid ? $"view._has{p} = true;" : $"view._has{p} = has{p};");
            }

            if (field.HasVersionSlot)
            {
                w.Line($"view._ver{p} = ver{p};");
            }
        }

        if (report.VersionFromParent)
        {
            w.Line("view._version = version;");
        }

        w.Line(report.Trailing ? "view._end = end;" : "view._end = data.Length;");
        w.Line("return view;");
    }

    /// <summary>
    /// The locals of one pass, only those the pass reads: a local only ever set to constants and never read is CS0219
    /// in the user's build.
    /// </summary>
    private static void DeclareLocals(SourceWriter w, LayoutPlan plan, ParseMode mode)
    {
        foreach (FieldPlan field in plan.Properties)
        {
            string p = field.PropertyName;
            if (field.HasOffsetSlot)
            {
                w.Line($"int o{p} = 0, l{p} = 0;");
            }

            if (ReportParsePass.KeepsPresence(field, mode))
            {
                w.Line($"bool has{p} = false;");
            }

            if (ReportParsePass.ReadsValue(field, mode) && field.Step != ParseStep.Static)
            {
                w.Line($"long v{p} = 0;");
            }

            if (ReportParsePass.KeepsVersion(field, mode))
            {
                w.Line($"long ver{p} = 0;");
            }
        }
    }
}
