using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>An opaque 48-byte value that no hash produces: Intel TDX MRCONFIGID, MROWNER and MROWNERCONFIG (kernel NOHASH registers).</summary>
public readonly struct Opaque48 : IMeasurementValue<Opaque48>
{
    private readonly InlineBytes48 _bytes;

    /// <summary>48: the size of the value in bytes.</summary>
    public static int Size => 48;

    /// <inheritdoc/>
    public static MeasurementHash Algorithm => MeasurementHash.None;

    /// <summary>The value whose 48 bytes are all zero.</summary>
    public static Opaque48 Zero => default;

    /// <summary>The 48 bytes of the value, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    private Opaque48(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <inheritdoc/>
    public static Opaque48 FromBytes(ReadOnlySpan<byte> bytes) => new(MeasurementValue.RequireSize<Opaque48>(bytes));

    /// <summary>Parses exactly 96 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 96 hex digits; the message says which position is wrong.</exception>
    public static Opaque48 Parse(string hex) => MeasurementValue.Parse<Opaque48>(hex);

    /// <summary>Parses exactly 96 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Opaque48 value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>A new array holding the 48 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool Equals(Opaque48 other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Opaque48 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 96 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToLowerString(Bytes);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Opaque48 left, Opaque48 right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Opaque48 left, Opaque48 right) => !left.Equals(right);
}
