using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Emit;

/// <summary>The C# shapes of report fields: property types, slot and local names, value-read expressions.</summary>
internal static class ReportNames
{
    public const string Span = "global::System.ReadOnlySpan<byte>";
    public const string Binary = "global::System.Buffers.Binary.BinaryPrimitives";
    public const string Marshal = "global::System.Runtime.InteropServices.MemoryMarshal";

    /// <summary>Fields whose offset, length or presence is only known after parsing keep some of them in instance slots.</summary>
    public static bool NeedsSlot(ReportSpec report, ReportFieldSpec field) => HasOffsetSlot(report, field) || HasPresenceSlot(report, field);

    /// <summary>
    /// The offset and length are known only after parsing: the field follows another, takes its size from one, is a
    /// variant, or lies past the fixed part. Everything else is read at a constant offset.
    /// </summary>
    public static bool HasOffsetSlot(ReportSpec report, ReportFieldSpec field) =>
        field.IsDynamic || IsVariant(report, field) || field.Offset + field.Size > report.Size;

    /// <summary>The field may be absent (versions, <c>when</c>, variants): its presence is recorded.</summary>
    public static bool HasPresenceSlot(ReportSpec report, ReportFieldSpec field) => field.IsConditional || IsVariant(report, field);

    public static bool IsVariant(ReportSpec report, ReportFieldSpec field) => report.Fields.Count(f => f.Name == field.Name) > 1;

    /// <summary>The offset expression of a field inside the view (a slot or a constant).</summary>
    public static string OffsetOf(ReportSpec report, ReportFieldSpec field) =>
        HasOffsetSlot(report, field) ? "_o" + field.PropertyName : CSharpLiteral.Int(field.Offset);

    /// <summary>The length expression of a field inside the view (a slot or a constant).</summary>
    public static string LengthOf(ReportSpec report, ReportFieldSpec field) =>
        HasOffsetSlot(report, field) ? "_l" + field.PropertyName : CSharpLiteral.Int(field.Size);

    /// <summary>Fields whose value the parser itself needs: checks, conditions, sizes, versions.</summary>
    public static HashSet<string> ValuesNeeded(ReportSpec report)
    {
        var needed = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ReportCheckSpec check in report.Checks)
        {
            needed.Add(check.Field);
        }

        foreach (ReportFieldSpec field in report.Fields)
        {
            AddIfSet(needed, field.When?.Field);
            AddIfSet(needed, field.SizeFrom);
            AddIfSet(needed, field.LayoutVersionFrom);
        }

        AddIfSet(needed, report.VersionField);
        return needed;
    }

    public static string IntegerType(ReportFieldSpec field) => (field.Type == "flags" ? FlagsSize(field.Size) : field.Type) switch
    {
        "u8" => "byte",
        "u16" => "ushort",
        "u32" => "uint",
        _ => "ulong",
    };

    /// <summary>A little-endian read of <paramref name="field"/> at <paramref name="offset"/> of the span named <paramref name="span"/>.</summary>
    public static string ReadInteger(ReportFieldSpec field, string span, string offset) => (field.Type == "flags" ? FlagsSize(field.Size) : field.Type) switch
    {
        "u8" => $"{span}[{offset}]",
        "u16" => $"{Binary}.ReadUInt16LittleEndian({span}.Slice({offset}, 2))",
        "u32" => $"{Binary}.ReadUInt32LittleEndian({span}.Slice({offset}, 4))",
        _ => $"{Binary}.ReadUInt64LittleEndian({span}.Slice({offset}, 8))",
    };

    /// <summary>
    /// A little-endian read of <paramref name="field"/> at the constant <paramref name="offset"/> of a parsed view,
    /// through its unchecked <c>At</c> reference.
    /// </summary>
    public static string ReadAt(ReportFieldSpec field, string offset) => (field.Type == "flags" ? FlagsSize(field.Size) : field.Type) switch
    {
        "u8" => $"At({offset})",
        "u16" => $"global::Tsm.ReportBytes.UInt16(ref At({offset}))",
        "u32" => $"global::Tsm.ReportBytes.UInt32(ref At({offset}))",
        _ => $"global::Tsm.ReportBytes.UInt64(ref At({offset}))",
    };

    /// <summary>The slot holding the nested view of a layout field.</summary>
    public static string NestedView(ReportFieldSpec field) => "_view" + field.PropertyName;

    /// <summary>The fixed-size value type a digest/opaque/linked field is shown as, or null for a plain byte span.</summary>
    public static string? ValueType(ReportFieldSpec field)
    {
        if (field.IsDynamic)
        {
            return null;
        }

        string? type = field.RegisterValueType
            ?? (field.Type == "digest" ? HashAlgorithms.DigestType(field.Hash!) : field.Type == "opaque" ? HashAlgorithms.OpaqueType(field.Size) : null);
        return type is null ? null : "global::Tsm." + type;
    }

    private static string FlagsSize(int size) => size switch
    {
        1 => "u8",
        2 => "u16",
        4 => "u32",
        _ => "u64",
    };

    private static void AddIfSet(HashSet<string> set, string? value)
    {
        if (value is not null)
        {
            set.Add(value);
        }
    }
}
