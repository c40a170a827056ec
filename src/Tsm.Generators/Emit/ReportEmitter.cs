using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Plan;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes one report layout as a zero-copy <c>ref struct</c> view: <c>Parse</c>/<c>TryParse</c>, one property per
/// field (digests as the register value types, integers, flag structs, nested views), offsets, and length facts.
/// </summary>
internal static class ReportEmitter
{
    public static string Emit(VendorSpec vendor, ReportSpec report, string @namespace, string accessibility)
    {
        LayoutPlan plan = LayoutPlanner.Plan(vendor, report, @namespace);
        var w = new SourceWriter();
        w.FileHeader($"from the \"{report.Name}\" layout of the vendor schema \"{vendor.Vendor}\". Edit the schema, not this file.");
        w.Open($"namespace {@namespace}");
        w.Summary(report.Description ?? $"The {report.Name} layout of {vendor.DisplayName}.");
        w.Line("/// <remarks>");
        string versionCref = report.VersionFromParent ? ", long" : string.Empty;
        w.Line($"/// A view over the caller's bytes: nothing is copied. <see cref=\"Parse(global::System.ReadOnlySpan{{byte}}{versionCref})\"/> checks the size, the type and");
        w.Line("/// version fields and every internal length before any field can be read, and throws <see cref=\"global::Tsm.ReportFormatException\"/>");
        w.Line($"/// naming the byte offset and the reason; <see cref=\"TryParse(global::System.ReadOnlySpan{{byte}}{versionCref}, out {report.TypeName})\"/> returns false instead.");
        w.Line("/// Fields are read without further checks, because the parse proved them inside the input; a default view");
        w.Line($"/// (<c>default({report.TypeName})</c>) covers no bytes, and reading its fields throws <see cref=\"global::System.InvalidOperationException\"/>.");
        w.Line("/// </remarks>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"{accessibility} ref struct {report.TypeName}");
        w.Summary("The size of the fixed part every input must have, in bytes.");
        w.Line($"public const int MinimumSize = {CSharpLiteral.Int(report.Size)};");
        w.Line();
        EmitState(w, plan);
        EmitFactories(w, plan);
        EmitLengthMembers(w, report);
        foreach (FieldPlan field in plan.Properties)
        {
            ReportPropertyEmitter.Emit(w, report, field);
        }

        ReportAccessEmitter.Emit(w, plan);
        ReportVisitEmitter.Emit(w, plan);
        ReportHashEmitter.Emit(w, plan);
        ReportBuildEmitter.Emit(w, report);
        ReportParseEmitter.Emit(w, plan);
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitState(SourceWriter w, LayoutPlan plan)
    {
        ReportSpec report = plan.Report;
        w.Line($"private readonly {ReportNames.Span} _data;");
        w.Line("private int _end;");
        if (report.VersionFromParent)
        {
            w.Line("private long _version;");
        }

        foreach (FieldPlan field in plan.Properties.Where(static f => f.NeedsSlot || f.HasVersionSlot))
        {
            if (field.HasOffsetSlot)
            {
                w.Line($"private int _o{field.PropertyName};");
                w.Line($"private int _l{field.PropertyName};");
            }

            if (field.HasPresenceSlot)
            {
                w.Line($"private bool _has{field.PropertyName};");
            }

            if (field.HasVersionSlot)
            {
                w.Line($"private long _ver{field.PropertyName};");
            }
        }

        w.Line();
        w.Line($"private {report.TypeName}({ReportNames.Span} data)");
        w.Open("    : this()");
        w.Line("_data = data;");
        w.Close();
    }

    private static void EmitFactories(SourceWriter w, LayoutPlan plan)
    {
        ReportSpec report = plan.Report;
        string t = report.TypeName;
        string versionParameter = report.VersionFromParent ? ", long version" : string.Empty;
        string versionArgument = report.VersionFromParent ? "version" : "0";
        string versionDoc = report.VersionFromParent ? "/// <param name=\"version\">The layout version, which the enclosing report carries (e.g. a TD quote's body type).</param>\n" : string.Empty;
        w.Line();
        w.SummaryXml($"Parses {t} from <paramref name=\"data\"/> without copying it.");
        w.Line("/// <param name=\"data\">The report bytes; the view reads them in place, so keep them unchanged while it is used.</param>");
        foreach (string line in versionDoc.Split('\n').Where(static l => l.Length > 0))
        {
            w.Line(line);
        }

        w.Line("/// <exception cref=\"global::Tsm.ReportFormatException\">The bytes are not a valid report; the exception names the byte offset and the reason.</exception>");
        w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        string validate = plan.IsSmall ? "IsValid" : "Validate";
        w.Open($"public static {t} Parse({ReportNames.Span} data{versionParameter})");
        w.Open($"if (!{validate}(data, {versionArgument}))");
        w.Line($"ThrowInvalid(data, {versionArgument});");
        w.Close();
        w.Line();
        w.Line($"return Proven(data, {versionArgument});");
        w.Close();
        w.Line();
        w.SummaryXml($"Parses {t} from <paramref name=\"data\"/> without copying it; false when the bytes are not a valid report.");
        w.Line("/// <param name=\"data\">The report bytes.</param>");
        foreach (string line in versionDoc.Split('\n').Where(static l => l.Length > 0))
        {
            w.Line(line);
        }

        w.Line("/// <param name=\"report\">The view, when the result is true.</param>");
        w.Open($"public static bool TryParse({ReportNames.Span} data{versionParameter}, out {t} report)");
        w.Open($"if (!{validate}(data, {versionArgument}))");
        w.Line("report = default;");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line($"report = Proven(data, {versionArgument});");
        w.Line("return true;");
        w.Close();
        w.Line();
        // Throws and never returns (no ret in its IL), so the JIT treats the call as cold and keeps the facts of a
        // successful parse for the reads that follow. The diagnosing parse runs only here.
        w.Open($"private static void ThrowInvalid({ReportNames.Span} data, long parentVersion)");
        w.Line("Diagnose(data, parentVersion, out int offset, out string? reason);");
        w.Line($"throw new global::Tsm.ReportFormatException(\"{t}\", offset, reason!);");
        w.Close();
    }

    private static void EmitLengthMembers(SourceWriter w, ReportSpec report)
    {
        w.Line();
        w.Summary("The bytes this report occupies (without trailing bytes).");
        w.Line($"public readonly {ReportNames.Span} Bytes => _data.Slice(0, _end);");
        w.Line();
        w.Summary("The length of this report in bytes (without trailing bytes).");
        w.Line("public readonly int Length => _end;");
        if (report.Trailing)
        {
            w.Line();
            w.Summary("Bytes after the end of the report (padding or appended data), which the parser tolerates and reports.");
            w.Line($"public readonly {ReportNames.Span} TrailingBytes => _data.Slice(_end);");
        }

        if (report.VersionFromParent)
        {
            w.Line();
            w.Summary("The layout version the enclosing report gave this view.");
            w.Line("public readonly long LayoutVersion => _version;");
        }
    }
}
