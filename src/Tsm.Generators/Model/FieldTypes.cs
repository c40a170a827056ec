namespace Tsm.Generators.Model;

/// <summary>The schema names of <see cref="FieldType"/> and the facts that follow from a type alone.</summary>
internal static class FieldTypes
{
    /// <summary>Every schema name, in the order the schema documentation lists them (and errors repeat them).</summary>
    public static readonly string[] Names = { "u8", "u16", "u32", "u64", "bytes", "digest", "opaque", "flags", "layout" };

    public static string Name(this FieldType type) => type switch
    {
        FieldType.U8 => "u8",
        FieldType.U16 => "u16",
        FieldType.U32 => "u32",
        FieldType.U64 => "u64",
        FieldType.Bytes => "bytes",
        FieldType.Digest => "digest",
        FieldType.Opaque => "opaque",
        FieldType.Flags => "flags",
        FieldType.Layout => "layout",
    };

    /// <summary>The type named <paramref name="name"/>; the reader has already checked it is one of <see cref="Names"/>.</summary>
    public static FieldType Parse(string name)
    {
        foreach (FieldType type in (FieldType[])System.Enum.GetValues(typeof(FieldType)))
        {
            if (type.Name() == name)
            {
                return type;
            }
        }

        throw new System.ArgumentException("not a field type: " + name, nameof(name));
    }

    /// <summary>The integer a field of <paramref name="type"/> and <paramref name="size"/> bytes holds, or null when it holds bytes or a view.</summary>
    public static IntegerWidth? Integer(this FieldType type, int size) => type switch
    {
        FieldType.U8 => IntegerWidth.U8,
        FieldType.U16 => IntegerWidth.U16,
        FieldType.U32 => IntegerWidth.U32,
        FieldType.U64 => IntegerWidth.U64,
        FieldType.Flags => IntegerWidths.OfSize(size),
        FieldType.Bytes or FieldType.Digest or FieldType.Opaque or FieldType.Layout => null,
    };

    /// <summary>The size every field of <paramref name="type"/> has, or null when the schema gives it.</summary>
    public static int? FixedSize(this FieldType type) => type switch
    {
        FieldType.U8 => 1,
        FieldType.U16 => 2,
        FieldType.U32 => 4,
        FieldType.U64 => 8,
        FieldType.Bytes or FieldType.Digest or FieldType.Opaque or FieldType.Flags or FieldType.Layout => null,
    };

    /// <summary>True for the types that hold a little-endian integer (checks, conditions and sizes read them).</summary>
    public static bool IsInteger(this FieldType type) => type switch
    {
        FieldType.U8 or FieldType.U16 or FieldType.U32 or FieldType.U64 or FieldType.Flags => true,
        FieldType.Bytes or FieldType.Digest or FieldType.Opaque or FieldType.Layout => false,
    };
}
