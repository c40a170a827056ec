namespace Tsm.Generators.Model;

/// <summary>The little-endian unsigned integer an integer or flags field holds.</summary>
internal enum IntegerWidth
{
    /// <summary>One byte (<c>byte</c>).</summary>
    U8,

    /// <summary>Two bytes (<c>ushort</c>).</summary>
    U16,

    /// <summary>Four bytes (<c>uint</c>).</summary>
    U32,

    /// <summary>Eight bytes (<c>ulong</c>).</summary>
    U64,
}
