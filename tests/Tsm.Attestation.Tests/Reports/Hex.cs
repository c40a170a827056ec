using System.Buffers.Binary;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>Hex as MANIFEST.md writes it: bytes in file order, lowercase.</summary>
internal static class Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>A little-endian integer field given as its bytes in file order (e.g. TD_ATTRIBUTES <c>0000001000000000</c>).</summary>
    public static ulong UInt64LittleEndian(string fileOrderHex) => BinaryPrimitives.ReadUInt64LittleEndian(Convert.FromHexString(fileOrderHex));

    /// <summary><paramref name="prefix"/> followed by zero bytes up to <paramref name="length"/> bytes, as hex.</summary>
    public static string ZeroPadded(string prefix, int length) => prefix.PadRight(2 * length, '0');

    public static string Zeros(int length) => new('0', 2 * length);
}
