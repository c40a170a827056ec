using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes <c>Build</c> for fixed layouts that report registers: a report made from a device's current register values
/// (the emulator's evidence), with the checked constant fields, the version, the caller's data and the internal hashes.
/// </summary>
internal static class ReportBuildEmitter
{
    /// <summary>Layouts of fixed fields (versions may add fields past the fixed part) that report registers.</summary>
    public static bool CanBuild(ReportSpec report) =>
        report.Fields.All(static f => !f.IsDynamic && f.Type != FieldType.Layout && f.When is null) &&
        report.Fields.Any(static f => f.Register is not null);

    public static void Emit(SourceWriter w, ReportSpec report)
    {
        if (!CanBuild(report))
        {
            return;
        }

        long defaultVersion = report.Fields.SelectMany(static f => f.Versions).DefaultIfEmpty(0).Max();
        string version = CSharpLiteral.Int(defaultVersion);
        w.Line();
        w.SummaryXml($"Writes a {report.TypeName} made from the current values of <paramref name=\"device\"/>'s registers into <paramref name=\"destination\"/>: what an emulated device returns as evidence.");
        w.Line("/// <param name=\"device\">The device whose registers the report carries (for example one opened on the emulator).</param>");
        w.Line($"/// <param name=\"userData\">The caller's data{(report.UserDataField is null ? " (unused: this layout has no user-data field)" : $" for '{report.UserDataField}', zero-padded")}.</param>");
        w.Line("/// <param name=\"destination\">Exactly <see cref=\"BuiltSize(long)\"/> bytes for <paramref name=\"version\"/>.</param>");
        w.Line("/// <param name=\"version\">The layout version to write" + (report.VersionField is null ? " (unused)" : $" into '{report.VersionField}'") + ".</param>");
        w.Open($"public static void Build(global::Tsm.MeasurementDevice device, {ReportNames.Span} userData, global::System.Span<byte> destination, long version = {version})");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(device);");
        EmitUserDataCheck(w, report);
        w.Open("if (destination.Length != BuiltSize(version))");
        w.Line($"throw new global::System.ArgumentException(\"This {report.TypeName} version is \" + BuiltSize(version).ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" bytes.\", nameof(destination));");
        w.Close();
        w.Line();
        w.Line("destination.Clear();");
        foreach (ReportFieldSpec field in report.Fields)
        {
            EmitFieldWrite(w, report, field);
        }

        foreach (ReportFieldSpec field in report.Fields.Where(static f => f.HashOf is not null))
        {
            string size = CSharpLiteral.Int(HashAlgorithms.DigestSize(field.Hash!));
            w.Line($"global::Tsm.MeasurementHashInfo.Compute(global::Tsm.MeasurementHash.{HashAlgorithms.EnumMember(field.Hash!)}, destination.Slice({CSharpLiteral.Int(field.HashOf!.Offset)}, {CSharpLiteral.Int(field.HashOf.Size)}), destination.Slice({CSharpLiteral.Int(field.ConstantOffset())}, {size}));");
        }

        w.Close();
        w.Line();
        w.SummaryXml($"Returns a new {report.TypeName} made from the current values of <paramref name=\"device\"/>'s registers.");
        w.Line("/// <param name=\"device\">The device whose registers the report carries.</param>");
        w.Line("/// <param name=\"userData\">The caller's data.</param>");
        w.Line("/// <param name=\"version\">The layout version to write.</param>");
        w.Open($"public static byte[] Build(global::Tsm.MeasurementDevice device, {ReportNames.Span} userData, long version = {version})");
        w.Line("byte[] bytes = new byte[BuiltSize(version)];");
        w.Line("Build(device, userData, bytes, version);");
        w.Line("return bytes;");
        w.Close();
        EmitBuiltSize(w, report);
    }

    /// <summary>The size of a built report: the fixed part, or more where a version adds fields past it.</summary>
    private static void EmitBuiltSize(SourceWriter w, ReportSpec report)
    {
        w.Line();
        w.SummaryXml($"The size of a {report.TypeName} of <paramref name=\"version\"/>, as <c>Build</c> writes it.");
        w.Line("/// <param name=\"version\">The layout version.</param>");
        w.Open("public static int BuiltSize(long version)");
        w.Line("int size = MinimumSize;");
        foreach (ReportFieldSpec field in report.Fields.Where(f => f.ConstantOffset() + f.ConstantSize() > report.Size))
        {
            string present = string.Join(" || ", field.Versions.Select(static v => "version == " + CSharpLiteral.Int(v)));
            w.Open($"if ({present})");
            w.Line($"size = global::System.Math.Max(size, {CSharpLiteral.Int(field.ConstantOffset() + field.ConstantSize())});");
            w.Close();
        }

        w.Line("return size;");
        w.Close();
    }

    private static void EmitUserDataCheck(SourceWriter w, ReportSpec report)
    {
        ReportFieldSpec? userData = report.Fields.FirstOrDefault(f => f.Name == report.UserDataField);
        string limit = CSharpLiteral.Int(userData?.ConstantSize() ?? 0);
        w.Open($"if (userData.Length > {limit})");
        w.Line($"throw new global::System.ArgumentException(\"{report.TypeName} carries at most {limit} bytes of user data.\", nameof(userData));");
        w.Close();
        ReportCheckSpec? versionCheck = report.Checks.FirstOrDefault(c => c.Field == report.VersionField);
        if (versionCheck is not null)
        {
            w.Open($"if (!({string.Join(" || ", versionCheck.Allowed.Select(static v => "version == " + CSharpLiteral.Int(v)))}))");
            w.Line($"throw new global::System.ArgumentOutOfRangeException(nameof(version), version, \"{report.TypeName} versions: {string.Join(", ", versionCheck.Allowed.Select(static v => CSharpLiteral.Int(v)))}.\");");
            w.Close();
        }
    }

    private static void EmitFieldWrite(SourceWriter w, ReportSpec report, ReportFieldSpec field)
    {
        string slice = $"destination.Slice({CSharpLiteral.Int(field.ConstantOffset())}, {CSharpLiteral.Int(field.ConstantSize())})";
        string? present = field.Versions.Count == 0 ? null : string.Join(" || ", field.Versions.Select(static v => "version == " + CSharpLiteral.Int(v)));
        string? statement = null;
        ReportCheckSpec? check = report.Checks.FirstOrDefault(c => c.Field == field.Name);
        if (field.Name == report.VersionField)
        {
            statement = Write(field, slice, "version");
        }
        else if (check is { Allowed.Count: 1 })
        {
            statement = Write(field, slice, CSharpLiteral.Int(check.Allowed[0]));
        }
        else if (field.Register is not null)
        {
            statement = $"device.Register(\"{field.Register.Name}\").Read({slice});";
        }
        else if (field.Name == report.UserDataField)
        {
            statement = $"userData.CopyTo({slice});";
        }

        if (statement is null)
        {
            return;
        }

        w.Line(present is null ? statement : $"if ({present}) {statement}");
    }

    /// <summary>A constant or the version, into an integer field (checks and <c>versionField</c> name only integer fields).</summary>
    private static string Write(ReportFieldSpec field, string slice, string value) =>
        IntegerReads.Write(field.Type.Integer(field.ConstantSize()) ?? throw new System.InvalidOperationException($"field '{field.Name}' is not an integer"), slice, value);
}
