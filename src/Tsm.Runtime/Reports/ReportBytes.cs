using System;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Tsm;

/// <summary>
/// Little-endian integer reads at a reference that a generated report parser has already checked to lie inside its
/// input, so they carry no bounds check of their own. Only generated code calls these.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReportBytes
{
    /// <summary>The little-endian <see cref="ushort"/> at <paramref name="source"/>.</summary>
    /// <param name="source">The first of two bytes inside a parsed report.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort UInt16(ref byte source)
    {
        ushort value = Unsafe.ReadUnaligned<ushort>(ref source);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>The little-endian <see cref="uint"/> at <paramref name="source"/>.</summary>
    /// <param name="source">The first of four bytes inside a parsed report.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UInt32(ref byte source)
    {
        uint value = Unsafe.ReadUnaligned<uint>(ref source);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }

    /// <summary>The little-endian <see cref="ulong"/> at <paramref name="source"/>.</summary>
    /// <param name="source">The first of eight bytes inside a parsed report.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong UInt64(ref byte source)
    {
        ulong value = Unsafe.ReadUnaligned<ulong>(ref source);
        return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
    }
}
