using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes <c>TryCreate</c>: one straight pass over the fields in schema order that checks the size, every type and
/// version field and every internal length before any field is exposed, and records where dynamic fields are.
/// </summary>
internal static class ReportParseEmitter
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    public static void Emit(SourceWriter w, ReportSpec report, IReadOnlyDictionary<string, string> typeNames)
    {
        HashSet<string> needed = ReportNames.ValuesNeeded(report);
        HashSet<string> tracked = PresenceTracked(report);
        w.Open($"internal static bool TryCreate({ReportNames.Span} data, long parentVersion, out {report.TypeName} view, out int errorOffset, out string? reason)");
        w.Line("view = default;");
        w.Line("errorOffset = 0;");
        w.Line("reason = null;");
        w.Open("if (data.Length < MinimumSize)");
        w.Line($"return Fail(data.Length, string.Create({Invariant}, $\"needs at least {{MinimumSize}} bytes, got {{data.Length}}\"), out errorOffset, out reason);");
        w.Close();
        w.Line();
        w.Line($"var result = new {report.TypeName}(data);");
        w.Line("int end = MinimumSize;");
        w.Line(report.VersionFromParent ? "long version = parentVersion;" : "_ = parentVersion;");
        foreach (ReportFieldSpec field in report.Fields.GroupBy(static f => f.PropertyName).Select(static g => g.First()))
        {
            string p = field.PropertyName;
            w.Line($"int o{p} = 0, l{p} = 0;");
            if (tracked.Contains(field.Name))
            {
                w.Line($"bool has{p} = false;");
            }

            if (needed.Contains(field.Name))
            {
                w.Line($"long v{p} = 0;");
            }

            if (field.Type == "layout")
            {
                w.Line($"long ver{p} = 0;");
            }
        }

        foreach (ReportFieldSpec field in report.Fields)
        {
            EmitField(w, report, field, needed, tracked, typeNames);
        }

        w.Line();
        if (!report.Trailing)
        {
            w.Open("if (end != data.Length)");
            w.Line($"return Fail(end, string.Create({Invariant}, $\"{{data.Length - end}} unexpected bytes after the end of the {report.TypeName} (expected {{end}} bytes)\"), out errorOffset, out reason);");
            w.Close();
            w.Line();
        }

        foreach (ReportFieldSpec field in report.Fields.Where(f => ReportNames.NeedsSlot(report, f)).GroupBy(static f => f.PropertyName).Select(static g => g.First()))
        {
            string p = field.PropertyName;
            w.Line($"result._o{p} = o{p};");
            w.Line($"result._l{p} = l{p};");
            w.Line($"result._has{p} = has{p};");
            if (field.Type == "layout")
            {
                w.Line($"result._ver{p} = ver{p};");
            }
        }

        if (report.VersionFromParent)
        {
            w.Line("result._version = version;");
        }

        w.Line("result._end = end;");
        w.Line("view = result;");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Open("private static bool Fail(int offset, string message, out int errorOffset, out string? reason)");
        w.Line("errorOffset = offset;");
        w.Line("reason = message;");
        w.Line("return false;");
        w.Close();
    }

    /// <summary>Fields whose presence is stored or consulted by a later field (<c>after</c>, <c>when</c>).</summary>
    private static HashSet<string> PresenceTracked(ReportSpec report)
    {
        var tracked = new HashSet<string>(report.Fields.Where(f => ReportNames.NeedsSlot(report, f)).Select(static f => f.Name), System.StringComparer.Ordinal);
        foreach (ReportFieldSpec field in report.Fields)
        {
            if (field.After is not null)
            {
                tracked.Add(field.After);
            }

            if (field.When is not null)
            {
                tracked.Add(field.When.Field);
            }
        }

        return tracked;
    }

    private static void EmitField(SourceWriter w, ReportSpec report, ReportFieldSpec field, HashSet<string> needed, HashSet<string> tracked, IReadOnlyDictionary<string, string> typeNames)
    {
        string p = field.PropertyName;
        w.Line();
        w.Line($"// {field.Name}: {field.Type}{(field.Layout is null ? string.Empty : " " + field.Layout)}");
        string? condition = Condition(report, field);
        if (condition is not null)
        {
            w.Open($"if ({condition})");
        }
        else
        {
            w.OpenBlock();
        }

        if (field.After is not null)
        {
            string after = PropertyOf(report, field.After);
            w.Open($"if (!has{after})");
            w.Line($"return Fail(end, \"'{field.Name}' follows '{field.After}', which this input does not have\", out errorOffset, out reason);");
            w.Close();
        }

        if (tracked.Contains(field.Name))
        {
            w.Line($"has{p} = true;");
        }

        w.Line($"o{p} = {Offset(report, field)};");
        w.Line($"l{p} = {(field.SizeFrom is null ? CSharpLiteral.Int(field.Size) : "(int)global::System.Math.Min(v" + PropertyOf(report, field.SizeFrom) + ", int.MaxValue)")};");
        if (field.IsDynamic || field.IsConditional || field.Offset + field.Size > report.Size)
        {
            string what = field.SizeFrom is null ? $"{{l{p}}} bytes" : $"{{l{p}}} bytes (from '{field.SizeFrom}')";
            w.Open($"if (o{p} > data.Length || l{p} > data.Length - o{p})");
            w.Line($"return Fail(global::System.Math.Min(o{p}, data.Length), string.Create({Invariant}, $\"'{field.Name}' needs {what} at offset {{o{p}}}, but the input ends at {{data.Length}}\"), out errorOffset, out reason);");
            w.Close();
        }

        if (needed.Contains(field.Name))
        {
            w.Line($"v{p} = (long){ReportNames.ReadInteger(field, "data", "o" + p)};");
        }

        foreach (ReportCheckSpec check in report.Checks.Where(c => c.Field == field.Name))
        {
            string test = string.Join(" || ", check.Allowed.Select(v => $"v{p} == {CSharpLiteral.Int(v)}"));
            string expected = check.Allowed.Count == 1 ? CSharpLiteral.Int(check.Allowed[0]) : "one of " + string.Join(", ", check.Allowed.Select(static v => CSharpLiteral.Int(v)));
            w.Open($"if (!({test}))");
            w.Line($"return Fail(o{p}, string.Create({Invariant}, $\"'{field.Name}' is {{v{p}}}; expected {expected}\"), out errorOffset, out reason);");
            w.Close();
        }

        if (field.Type == "layout")
        {
            string nestedVersion = field.LayoutVersionFrom is not null ? "v" + PropertyOf(report, field.LayoutVersionFrom) : CSharpLiteral.Int(field.LayoutVersion < 0 ? 0 : field.LayoutVersion);
            string nested = typeNames[field.Layout!];
            w.Line($"ver{p} = {nestedVersion};");
            w.Open($"if (!{nested}.TryCreate(data.Slice(o{p}, l{p}), ver{p}, out _, out int nestedOffset, out string? nestedReason))");
            w.Line($"return Fail(o{p} + nestedOffset, \"{field.Name}: \" + nestedReason, out errorOffset, out reason);");
            w.Close();
        }

        w.Line($"end = global::System.Math.Max(end, o{p} + l{p});");
        w.Close();
    }

    private static string? Condition(ReportSpec report, ReportFieldSpec field)
    {
        var parts = new List<string>();
        if (field.Versions.Count > 0)
        {
            string version = report.VersionFromParent ? "version" : "v" + PropertyOf(report, report.VersionField!);
            parts.Add("(" + string.Join(" || ", field.Versions.Select(v => $"{version} == {CSharpLiteral.Int(v)}")) + ")");
        }

        if (field.When is not null)
        {
            string on = PropertyOf(report, field.When.Field);
            parts.Add($"has{on} && (" + string.Join(" || ", field.When.Allowed.Select(v => $"v{on} == {CSharpLiteral.Int(v)}")) + ")");
        }

        return parts.Count == 0 ? null : string.Join(" && ", parts);
    }

    private static string Offset(ReportSpec report, ReportFieldSpec field)
    {
        if (field.After is null)
        {
            return CSharpLiteral.Int(field.Offset);
        }

        string after = PropertyOf(report, field.After);
        return $"o{after} + l{after}";
    }

    private static string PropertyOf(ReportSpec report, string fieldName) => report.Fields.First(f => f.Name == fieldName).PropertyName;
}
