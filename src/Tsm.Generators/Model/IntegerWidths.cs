namespace Tsm.Generators.Model;

/// <summary>Sizes of <see cref="IntegerWidth"/>.</summary>
internal static class IntegerWidths
{
    /// <summary>The width of a flags field; the reader allows only 1, 2, 4 and 8 bytes.</summary>
    public static IntegerWidth OfSize(int size) => size switch
    {
        1 => IntegerWidth.U8,
        2 => IntegerWidth.U16,
        4 => IntegerWidth.U32,
        8 => IntegerWidth.U64,
        _ => throw new System.ArgumentOutOfRangeException(nameof(size), size, "a flags field is 1, 2, 4 or 8 bytes"),
    };

    public static int Size(this IntegerWidth width) => width switch
    {
        IntegerWidth.U8 => 1,
        IntegerWidth.U16 => 2,
        IntegerWidth.U32 => 4,
        IntegerWidth.U64 => 8,
    };
}
