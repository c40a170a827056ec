using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes the empty stand-in for a vendor class whose schema has errors: the type exists, so code that names it gets
/// at most one "no member" error per use, while TSM0013 on the schema says why. Opening it throws.
/// </summary>
internal static class PlaceholderEmitter
{
    private const string Runtime = "global::Tsm.";

    public static string Emit(PlaceholderSpec placeholder, string @namespace, string accessibility)
    {
        string file = System.IO.Path.GetFileName(placeholder.Path);
        string reason = $"{file} has schema errors (TSM0013 names the first); fix them and build again.";
        var w = new SourceWriter();
        w.FileHeader("as a placeholder: the vendor schema has errors.");
        w.Open($"namespace {@namespace}");
        w.Summary($"Not generated: {reason}");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"{accessibility} sealed partial class {placeholder.ClassName} : {Runtime}MeasurementDevice");
        w.Line($"private {placeholder.ClassName}({Runtime}MeasurementSession session)");
        w.Indent().Line(": base(session)").Outdent();
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Summary($"Throws: {reason}");
        w.Line($"/// <exception cref=\"global::System.InvalidOperationException\">Always.</exception>");
        w.Line($"public static {placeholder.ClassName} Open() => throw NotGenerated();");
        w.Line();
        w.Summary($"Throws: {reason}");
        w.Line("/// <param name=\"backend\">Unused.</param>");
        w.Line($"/// <exception cref=\"global::System.InvalidOperationException\">Always.</exception>");
        w.Line($"public static {placeholder.ClassName} Open({Runtime}TsmBackend backend) => throw NotGenerated();");
        w.Line();
        w.Line($"private static global::System.InvalidOperationException NotGenerated() => new(\"{Literal(reason)}\");");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string Literal(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
