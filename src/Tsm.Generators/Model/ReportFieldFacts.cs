namespace Tsm.Generators.Model;

/// <summary>
/// The constant offset and size of a field that has them. Methods, not properties, so that a record's
/// <c>ToString</c> never calls them on a field that follows another or takes its size from one.
/// </summary>
internal static class ReportFieldFacts
{
    public static int ConstantOffset(this ReportFieldSpec field) =>
        field.Placement.Offset ?? throw new System.InvalidOperationException($"field '{field.Name}' follows '{field.Placement.After}'");

    public static int ConstantSize(this ReportFieldSpec field) =>
        field.Length.Size ?? throw new System.InvalidOperationException($"field '{field.Name}' takes its size from '{field.Length.From}'");
}
