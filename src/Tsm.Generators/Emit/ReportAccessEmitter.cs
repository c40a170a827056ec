using Tsm.Generators.Plan;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes the private helpers every field read goes through: <c>RequireParsed</c> (the one check a default view fails),
/// <c>At</c> (a reference at a constant offset, unchecked because every parsed view holds at least
/// <c>MinimumSize</c> bytes), <c>Present</c> (the check before a field only some versions have) and <c>Data</c> (the
/// span for fields at offsets found by the parse, still sliced with bounds checks). All inline, so the JIT folds
/// repeated checks of one view into the first.
/// </summary>
internal static class ReportAccessEmitter
{
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    public static void Emit(SourceWriter w, LayoutPlan plan)
    {
        w.Line();
        w.Line("// Every view Parse or TryParse made holds at least MinimumSize (at least 1) bytes; only a default view holds fewer.");
        w.Line(Inline);
        w.Open("private readonly void RequireParsed()");
        w.Open("if (_data.Length < MinimumSize)");
        w.Line($"global::Tsm.ReportErrors.ThrowDefaultView(\"{plan.Report.TypeName}\");");
        w.Close();
        w.Close();
        if (plan.NeedsAt)
        {
            w.Line();
            w.Line(Inline);
            w.Open("private readonly ref byte At(int offset)");
            w.Line("RequireParsed();");
            w.Line($"return ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {ReportNames.Marshal}.GetReference(_data), offset);");
            w.Close();
        }

        if (plan.NeedsPresent)
        {
            w.Line();
            w.Line(Inline);
            w.Open("private readonly bool Present(bool has)");
            w.Line("RequireParsed();");
            w.Line("return has;");
            w.Close();
        }

        if (plan.NeedsData)
        {
            w.Line();
            w.Open($"private readonly {ReportNames.Span} Data");
            w.Line(Inline);
            w.Open("get");
            w.Line("RequireParsed();");
            w.Line("return _data;");
            w.Close();
            w.Close();
        }
    }
}
