using Tsm.Generators.Plan;

namespace Tsm.Generators.Emit;

/// <summary>Writes <c>VisitFields</c>: every present field, by schema name, to a <c>Tsm.IReportFieldVisitor</c>.</summary>
internal static class ReportVisitEmitter
{
    public static void Emit(SourceWriter w, LayoutPlan plan)
    {
        w.Line();
        w.SummaryXml("Passes every present field, in layout order and under its schema name, to <paramref name=\"visitor\"/>.");
        w.Line("/// <param name=\"visitor\">Receives the fields; nested layouts arrive between BeginNested and EndNested.</param>");
        w.Open("public readonly void VisitFields(global::Tsm.IReportFieldVisitor visitor)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(visitor);");
        w.Line("RequireParsed();");
        foreach (FieldPlan field in plan.Properties)
        {
            string name = field.Name;
            string call = field.Shape switch
            {
                PropertyShape.Integer or PropertyShape.Flags => $"visitor.Integer(\"{name}\", {IntegerReads.Read(field.Integer!.Value, "_data", field.OffsetExpression)});",
                PropertyShape.Nested => $"{{ visitor.BeginNested(\"{name}\", \"{field.PropertyType}\"); {field.PropertyName}.VisitFields(visitor); visitor.EndNested(); }}",
                PropertyShape.Value or PropertyShape.Bytes => $"visitor.Bytes(\"{name}\", _data.Slice({field.OffsetExpression}, {field.LengthExpression}));",
            };
            w.Line(field.HasPresenceSlot ? $"if (_has{field.PropertyName}) {call}" : call);
        }

        w.Close();
    }
}
