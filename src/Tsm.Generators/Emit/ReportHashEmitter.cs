using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>Writes <c>InternalHashesMatch()</c> for layouts whose fields hash other parts of the report (TDREPORT's TEE_TCB_INFO_HASH).</summary>
internal static class ReportHashEmitter
{
    public static void Emit(SourceWriter w, ReportSpec report)
    {
        ReportFieldSpec[] hashed = report.Fields.Where(static f => f.HashOfOffset >= 0).ToArray();
        if (hashed.Length == 0)
        {
            return;
        }

        w.Line();
        string list = string.Join(", ", hashed.Select(static f => $"{f.Name} = {f.Hash}(bytes {CSharpLiteral.Int(f.HashOfOffset)}..{CSharpLiteral.Int(f.HashOfOffset + f.HashOfSize - 1)})"));
        w.Summary($"Whether the fields that hash other parts of this report match those bytes: {list}.");
        w.Open("public readonly bool InternalHashesMatch()");
        w.Line("RequireParsed();");
        w.Line("global::System.Span<byte> digest = stackalloc byte[64];");
        foreach (ReportFieldSpec field in hashed)
        {
            string size = CSharpLiteral.Int(HashAlgorithms.DigestSize(field.Hash!));
            string offset = ReportNames.OffsetOf(report, field);
            string guard = field.IsConditional ? $"_has{field.PropertyName} && " : string.Empty;
            w.Line($"global::Tsm.MeasurementHashInfo.Compute(global::Tsm.MeasurementHash.{HashAlgorithms.EnumMember(field.Hash!)}, _data.Slice({CSharpLiteral.Int(field.HashOfOffset)}, {CSharpLiteral.Int(field.HashOfSize)}), digest.Slice(0, {size}));");
            w.Open($"if ({guard}!global::System.MemoryExtensions.SequenceEqual<byte>(digest.Slice(0, {size}), _data.Slice({offset}, {size})))");
            w.Line("return false;");
            w.Close();
        }

        w.Line("return true;");
        w.Close();
    }
}
