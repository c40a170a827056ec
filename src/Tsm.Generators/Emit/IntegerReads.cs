using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>The C# of reading and writing each <see cref="IntegerWidth"/>, little-endian as every shipped report stores integers.</summary>
internal static class IntegerReads
{
    public static string CSharpType(IntegerWidth width) => width switch
    {
        IntegerWidth.U8 => "byte",
        IntegerWidth.U16 => "ushort",
        IntegerWidth.U32 => "uint",
        IntegerWidth.U64 => "ulong",
    };

    /// <summary>A bounds-checked read at <paramref name="offset"/> of the span named <paramref name="span"/>.</summary>
    public static string Read(IntegerWidth width, string span, string offset) => width switch
    {
        IntegerWidth.U8 => $"{span}[{offset}]",
        IntegerWidth.U16 => $"{ReportNames.Binary}.ReadUInt16LittleEndian({span}.Slice({offset}, 2))",
        IntegerWidth.U32 => $"{ReportNames.Binary}.ReadUInt32LittleEndian({span}.Slice({offset}, 4))",
        IntegerWidth.U64 => $"{ReportNames.Binary}.ReadUInt64LittleEndian({span}.Slice({offset}, 8))",
    };

    /// <summary>
    /// An unchecked read at <paramref name="offset"/> of the span named <paramref name="span"/>, for the parse only,
    /// right after its own test that the field lies inside the span (the JIT cannot see that test covers the slice).
    /// </summary>
    public static string ReadAfterBoundsTest(IntegerWidth width, string span, string offset)
    {
        string at = $"ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {ReportNames.Marshal}.GetReference({span}), {offset})";
        return width switch
        {
            IntegerWidth.U8 => $"global::System.Runtime.CompilerServices.Unsafe.Add(ref {ReportNames.Marshal}.GetReference({span}), {offset})",
            IntegerWidth.U16 => $"global::Tsm.ReportBytes.UInt16({at})",
            IntegerWidth.U32 => $"global::Tsm.ReportBytes.UInt32({at})",
            IntegerWidth.U64 => $"global::Tsm.ReportBytes.UInt64({at})",
        };
    }

    /// <summary>A read at the constant <paramref name="offset"/> of a parsed view, through its unchecked <c>At</c> reference.</summary>
    public static string ReadAt(IntegerWidth width, string offset) => width switch
    {
        IntegerWidth.U8 => $"At({offset})",
        IntegerWidth.U16 => $"global::Tsm.ReportBytes.UInt16(ref At({offset}))",
        IntegerWidth.U32 => $"global::Tsm.ReportBytes.UInt32(ref At({offset}))",
        IntegerWidth.U64 => $"global::Tsm.ReportBytes.UInt64(ref At({offset}))",
    };

    /// <summary>A statement writing <paramref name="value"/> into the span expression <paramref name="slice"/>.</summary>
    public static string Write(IntegerWidth width, string slice, string value) => width switch
    {
        IntegerWidth.U8 => $"{slice}[0] = (byte){value};",
        IntegerWidth.U16 => $"{ReportNames.Binary}.WriteUInt16LittleEndian({slice}, (ushort){value});",
        IntegerWidth.U32 => $"{ReportNames.Binary}.WriteUInt32LittleEndian({slice}, (uint){value});",
        IntegerWidth.U64 => $"{ReportNames.Binary}.WriteUInt64LittleEndian({slice}, (ulong){value});",
    };
}
