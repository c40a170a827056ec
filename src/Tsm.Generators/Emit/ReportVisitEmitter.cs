using System.Collections.Generic;
using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>Writes <c>VisitFields</c>: every present field, by schema name, to a <c>Tsm.IReportFieldVisitor</c>.</summary>
internal static class ReportVisitEmitter
{
    public static void Emit(SourceWriter w, ReportSpec report, IReadOnlyDictionary<string, string> typeNames)
    {
        w.Line();
        w.SummaryXml("Passes every present field, in layout order and under its schema name, to <paramref name=\"visitor\"/>.");
        w.Line("/// <param name=\"visitor\">Receives the fields; nested layouts arrive between BeginNested and EndNested.</param>");
        w.Open("public readonly void VisitFields(global::Tsm.IReportFieldVisitor visitor)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(visitor);");
        w.Line("RequireParsed();");
        var done = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ReportFieldSpec field in report.Fields)
        {
            if (!done.Add(field.Name))
            {
                continue;
            }

            string offset = ReportNames.OffsetOf(report, field);
            string length = ReportNames.LengthOf(report, field);
            string call = field.Type switch
            {
                "u8" or "u16" or "u32" or "u64" or "flags" => $"visitor.Integer(\"{field.Name}\", {ReportNames.ReadInteger(field, "_data", offset)});",
                "layout" => $"{{ visitor.BeginNested(\"{field.Name}\", \"{typeNames[field.Layout!]}\"); {ReportNames.NestedView(field)}.VisitFields(visitor); visitor.EndNested(); }}",
                _ => $"visitor.Bytes(\"{field.Name}\", _data.Slice({offset}, {length}));",
            };
            bool conditional = ReportNames.HasPresenceSlot(report, field);
            w.Line(conditional ? $"if (_has{field.PropertyName}) {call}" : call);
        }

        w.Close();
    }
}
