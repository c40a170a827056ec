using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Plan;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>Writes <c>InternalHashesMatch()</c> for layouts whose fields hash other parts of the report (TDREPORT's TEE_TCB_INFO_HASH).</summary>
internal static class ReportHashEmitter
{
    public static void Emit(SourceWriter w, LayoutPlan plan)
    {
        FieldPlan[] hashed = plan.Fields.Where(static f => f.Field.HashOf is not null).ToArray();
        if (hashed.Length == 0)
        {
            return;
        }

        w.Line();
        string list = string.Join(", ", hashed.Select(static f => $"{f.Name} = {f.Field.Hash}(bytes {CSharpLiteral.Int(f.Field.HashOf!.Offset)}..{CSharpLiteral.Int(f.Field.HashOf.Offset + f.Field.HashOf.Size - 1)})"));
        w.Summary($"Whether the fields that hash other parts of this report match those bytes: {list}.");
        w.Open("public readonly bool InternalHashesMatch()");
        w.Line("RequireParsed();");
        // As large as the largest digest compared, so a longer hash added to HashAlgorithms needs no change here.
        int largest = hashed.Max(static f => HashAlgorithms.DigestSize(f.Field.Hash!));
        w.Line($"global::System.Span<byte> digest = stackalloc byte[{CSharpLiteral.Int(largest)}];");
        foreach (FieldPlan hashedField in hashed)
        {
            ReportFieldSpec field = hashedField.Field;
            HashOfSpec hashOf = field.HashOf!;
            string size = CSharpLiteral.Int(HashAlgorithms.DigestSize(field.Hash!));
            string guard = field.IsConditional ? $"_has{field.PropertyName} && " : string.Empty;
            w.Line($"global::Tsm.MeasurementHashInfo.Compute(global::Tsm.MeasurementHash.{HashAlgorithms.EnumMember(field.Hash!)}, _data.Slice({CSharpLiteral.Int(hashOf.Offset)}, {CSharpLiteral.Int(hashOf.Size)}), digest.Slice(0, {size}));");
            w.Open($"if ({guard}!global::System.MemoryExtensions.SequenceEqual<byte>(digest.Slice(0, {size}), _data.Slice({hashedField.OffsetExpression}, {size})))");
            w.Line("return false;");
            w.Close();
        }

        w.Line("return true;");
        w.Close();
    }
}
