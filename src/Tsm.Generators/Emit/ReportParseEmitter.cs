using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes <c>TryCreate</c>: one straight pass over the fields in schema order that checks the size, every type and
/// version field and every internal length before any field is exposed, and records where dynamic fields are.
/// Fields at a fixed place that are always present cost nothing here: the minimum-size check covers them, so only
/// their checked values are read. Failure messages are built out of line (<c>Tsm.ReportErrors</c>) so the success
/// path formats no strings. The view is written in place (the caller's variable, through <c>out</c>), and nested
/// layouts are validated straight into their slots in it, so reading one later validates nothing again.
/// </summary>
internal static class ReportParseEmitter
{
    private const string Errors = "global::Tsm.ReportErrors";

    public static void Emit(SourceWriter w, ReportSpec report, IReadOnlyDictionary<string, string> typeNames)
    {
        HashSet<string> needed = ReportNames.ValuesNeeded(report);
        HashSet<string> tracked = PresenceTracked(report);
        string t = report.TypeName;
        if (IsSmall(report))
        {
            // A handful of constant-offset checks: inlined, the out parameters become the caller's locals.
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
        }

        w.Open($"internal static bool TryCreate({ReportNames.Span} data, long parentVersion, out {t} view, out int errorOffset, out string? reason)");
        w.Open("if (data.Length < MinimumSize)");
        w.Line("view = default;");
        w.Line($"return Fail(data.Length, {Errors}.TooShort(MinimumSize, data.Length), out errorOffset, out reason);");
        w.Close();
        w.Line();
        w.Line($"view = new {t}(data);");
        w.Line("int end = MinimumSize;");
        w.Line(report.VersionFromParent ? "long version = parentVersion;" : "_ = parentVersion;");
        DeclareLocals(w, report, needed, tracked);

        // The version field comes first: conditions of fields before it in the schema may depend on it.
        ReportFieldSpec? versionField = report.VersionField is null ? null : Field(report, report.VersionField);
        if (versionField is not null)
        {
            EmitStaticField(w, report, versionField, needed, typeNames);
        }

        foreach (ReportFieldSpec field in report.Fields.Where(f => f != versionField))
        {
            if (IsStatic(report, field))
            {
                EmitStaticField(w, report, field, needed, typeNames);
            }
            else if (!ReportNames.HasOffsetSlot(report, field))
            {
                EmitPlacedConditionalField(w, report, field, needed, tracked, typeNames);
            }
            else
            {
                EmitDynamicField(w, report, field, needed, tracked, typeNames);
            }
        }

        w.Line();
        if (!report.Trailing)
        {
            w.Open("if (end != data.Length)");
            w.Line("view = default;");
            w.Line($"return Fail(end, {Errors}.UnexpectedTrailingBytes(\"{t}\", end, data.Length), out errorOffset, out reason);");
            w.Close();
            w.Line();
        }

        foreach (ReportFieldSpec field in report.Fields.Where(f => ReportNames.NeedsSlot(report, f)).GroupBy(static f => f.PropertyName).Select(static g => g.First()))
        {
            string p = field.PropertyName;
            if (ReportNames.HasOffsetSlot(report, field))
            {
                w.Line($"view._o{p} = o{p};");
                if (field.Type != "layout")
                {
                    w.Line($"view._l{p} = l{p};");
                }
            }

            if (ReportNames.HasPresenceSlot(report, field))
            {
                w.Line($"view._has{p} = has{p};");
            }
        }

        if (report.VersionFromParent)
        {
            w.Line("view._version = version;");
        }

        w.Line("view._end = end;");
        w.Line("errorOffset = 0;");
        w.Line("reason = null;");
        w.Line("return true;");
        w.Close();
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

    /// <summary>Layouts whose fields all sit at constant offsets inside the fixed part and hold no nested layout.</summary>
    public static bool IsSmall(ReportSpec report) =>
        report.Fields.All(f => !ReportNames.HasOffsetSlot(report, f) && f.Type != "layout");

    /// <summary>Always present, at a constant offset with a constant size, and the only field of its name.</summary>
    private static bool IsStatic(ReportSpec report, ReportFieldSpec field) => !ReportNames.NeedsSlot(report, field);

    private static void DeclareLocals(SourceWriter w, ReportSpec report, HashSet<string> needed, HashSet<string> tracked)
    {
        foreach (ReportFieldSpec field in report.Fields.GroupBy(static f => f.PropertyName).Select(static g => g.First()))
        {
            string p = field.PropertyName;
            bool dynamic = !IsStatic(report, field);
            if (ReportNames.HasOffsetSlot(report, field))
            {
                w.Line($"int o{p} = 0, l{p} = 0;");
            }

            if (tracked.Contains(field.Name))
            {
                w.Line($"bool has{p} = false;");
            }

            if (needed.Contains(field.Name) && dynamic)
            {
                w.Line($"long v{p} = 0;");
            }

            if (field.Type == "layout" && dynamic)
            {
                w.Line($"long ver{p} = 0;");
            }
        }
    }

    /// <summary>Fields whose presence is stored, or consulted by a later field (<c>after</c>, <c>when</c>), and may be absent.</summary>
    private static HashSet<string> PresenceTracked(ReportSpec report)
    {
        var tracked = new HashSet<string>(report.Fields.Where(f => ReportNames.HasPresenceSlot(report, f)).Select(static f => f.Name), System.StringComparer.Ordinal);
        foreach (ReportFieldSpec field in report.Fields)
        {
            foreach (string? referenced in new[] { field.After, field.When?.Field })
            {
                if (referenced is not null && !IsStatic(report, Field(report, referenced)))
                {
                    tracked.Add(referenced);
                }
            }
        }

        return tracked;
    }

    private static void EmitStaticField(SourceWriter w, ReportSpec report, ReportFieldSpec field, HashSet<string> needed, IReadOnlyDictionary<string, string> typeNames)
    {
        string offset = CSharpLiteral.Int(field.Offset);
        string length = CSharpLiteral.Int(field.Size);
        if (needed.Contains(field.Name))
        {
            w.Line();
            w.Line($"long v{field.PropertyName} = (long){ReportNames.ReadInteger(field, "data", offset)};");
            EmitChecks(w, report, field, offset);
        }

        if (field.Type == "layout")
        {
            w.Line();
            EmitNested(w, field, offset, length, VersionOf(report, field), typeNames);
        }
    }

    /// <summary>A field at a constant place inside the fixed part that only some versions have: only its presence is decided here.</summary>
    private static void EmitPlacedConditionalField(SourceWriter w, ReportSpec report, ReportFieldSpec field, HashSet<string> needed, HashSet<string> tracked, IReadOnlyDictionary<string, string> typeNames)
    {
        string p = field.PropertyName;
        string offset = CSharpLiteral.Int(field.Offset);
        w.Line();
        w.Line($"has{p} = {Condition(report, field, tracked)};");
        bool reads = needed.Contains(field.Name) || field.Type == "layout";
        if (!reads)
        {
            return;
        }

        w.Open($"if (has{p})");
        if (needed.Contains(field.Name))
        {
            w.Line($"v{p} = (long){ReportNames.ReadInteger(field, "data", offset)};");
            EmitChecks(w, report, field, offset);
        }

        if (field.Type == "layout")
        {
            w.Line($"ver{p} = {VersionOf(report, field)};");
            EmitNested(w, field, offset, CSharpLiteral.Int(field.Size), "ver" + p, typeNames);
        }

        w.Close();
    }

    private static void EmitDynamicField(SourceWriter w, ReportSpec report, ReportFieldSpec field, HashSet<string> needed, HashSet<string> tracked, IReadOnlyDictionary<string, string> typeNames)
    {
        string p = field.PropertyName;
        w.Line();
        w.Line($"// {field.Name}: {field.Type}{(field.Layout is null ? string.Empty : " " + field.Layout)}");
        string? condition = Condition(report, field, tracked);
        if (condition is not null)
        {
            w.Open($"if ({condition})");
        }
        else
        {
            w.OpenBlock();
        }

        if (field.After is not null && tracked.Contains(field.After))
        {
            w.Open($"if (!has{Field(report, field.After).PropertyName})");
            w.Line("view = default;");
            w.Line($"return Fail(end, {Errors}.MissingPredecessor(\"{field.Name}\", \"{field.After}\"), out errorOffset, out reason);");
            w.Close();
        }

        if (tracked.Contains(field.Name))
        {
            w.Line($"has{p} = true;");
        }

        w.Line($"o{p} = {Offset(report, field)};");
        if (field.SizeFrom is null)
        {
            w.Line($"l{p} = {CSharpLiteral.Int(field.Size)};");
            w.Open($"if (o{p} > data.Length - l{p})");
            w.Line("view = default;");
            w.Line($"return Fail(global::System.Math.Min(o{p}, data.Length), {Errors}.OutOfBounds(\"{field.Name}\", o{p}, l{p}, data.Length), out errorOffset, out reason);");
            w.Close();
        }
        else
        {
            string size = Value(report, field.SizeFrom);
            w.Open($"if ({size} > data.Length - o{p})");
            w.Line("view = default;");
            w.Line($"return Fail(global::System.Math.Min(o{p}, data.Length), {Errors}.OutOfBounds(\"{field.Name}\", \"{field.SizeFrom}\", o{p}, {size}, data.Length), out errorOffset, out reason);");
            w.Close();
            w.Line($"l{p} = (int){size};");
        }

        if (needed.Contains(field.Name))
        {
            w.Line($"v{p} = (long){ReportNames.ReadInteger(field, "data", "o" + p)};");
            EmitChecks(w, report, field, "o" + p);
        }

        if (field.Type == "layout")
        {
            w.Line($"ver{p} = {VersionOf(report, field)};");
            EmitNested(w, field, "o" + p, "l" + p, "ver" + p, typeNames);
        }

        w.Line($"end = global::System.Math.Max(end, o{p} + l{p});");
        w.Close();
    }

    private static void EmitChecks(SourceWriter w, ReportSpec report, ReportFieldSpec field, string offset)
    {
        string p = field.PropertyName;
        foreach (ReportCheckSpec check in report.Checks.Where(c => c.Field == field.Name))
        {
            string test = string.Join(" || ", check.Allowed.Select(v => $"v{p} == {CSharpLiteral.Int(v)}"));
            string expected = check.Allowed.Count == 1 ? CSharpLiteral.Int(check.Allowed[0]) : "one of " + string.Join(", ", check.Allowed.Select(static v => CSharpLiteral.Int(v)));
            w.Open($"if (!({test}))");
            w.Line("view = default;");
            w.Line($"return Fail({offset}, {Errors}.UnexpectedValue(\"{field.Name}\", v{p}, \"{expected}\"), out errorOffset, out reason);");
            w.Close();
        }
    }

    /// <summary>Validates a nested layout straight into the view's slot for it: reading it later costs no second validation.</summary>
    private static void EmitNested(SourceWriter w, ReportFieldSpec field, string offset, string length, string version, IReadOnlyDictionary<string, string> typeNames)
    {
        string nested = typeNames[field.Layout!];
        w.Open($"if (!{nested}.TryCreate(data.Slice({offset}, {length}), {version}, out view.{ReportNames.NestedView(field)}, out int nestedOffset, out string? nestedReason))");
        w.Line("view = default;");
        w.Line($"return Fail({offset} + nestedOffset, {Errors}.InNested(\"{field.Name}\", nestedReason!), out errorOffset, out reason);");
        w.Close();
    }

    private static string VersionOf(ReportSpec report, ReportFieldSpec field) => field.LayoutVersionFrom is not null
        ? Value(report, field.LayoutVersionFrom)
        : CSharpLiteral.Int(field.LayoutVersion < 0 ? 0 : field.LayoutVersion);

    private static string? Condition(ReportSpec report, ReportFieldSpec field, HashSet<string> tracked)
    {
        var parts = new List<string>();
        if (field.Versions.Count > 0)
        {
            string version = report.VersionFromParent ? "version" : Value(report, report.VersionField!);
            parts.Add("(" + string.Join(" || ", field.Versions.Select(v => $"{version} == {CSharpLiteral.Int(v)}")) + ")");
        }

        if (field.When is not null)
        {
            string value = Value(report, field.When.Field);
            string present = tracked.Contains(field.When.Field) ? $"has{Field(report, field.When.Field).PropertyName} && " : string.Empty;
            parts.Add(present + "(" + string.Join(" || ", field.When.Allowed.Select(v => $"{value} == {CSharpLiteral.Int(v)}")) + ")");
        }

        return parts.Count == 0 ? null : string.Join(" && ", parts);
    }

    private static string Offset(ReportSpec report, ReportFieldSpec field)
    {
        if (field.After is null)
        {
            return CSharpLiteral.Int(field.Offset);
        }

        ReportFieldSpec after = Field(report, field.After);
        return ReportNames.HasOffsetSlot(report, after)
            ? $"o{after.PropertyName} + l{after.PropertyName}"
            : CSharpLiteral.Int(after.Offset + after.Size);
    }

    /// <summary>The local holding an integer field's value (read by the field's own step).</summary>
    private static string Value(ReportSpec report, string fieldName) => "v" + Field(report, fieldName).PropertyName;

    private static ReportFieldSpec Field(ReportSpec report, string name) => report.Fields.First(f => f.Name == name);
}
