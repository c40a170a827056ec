using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>An opaque 32-byte value that no hash produces (a NOHASH register such as a host-provided ID).</summary>
public readonly struct Opaque32 : IMeasurementValue<Opaque32>
{
    private readonly InlineBytes32 _bytes;

    /// <summary>32: the size of the value in bytes.</summary>
    public static int Size => 32;

    /// <inheritdoc/>
    public static MeasurementHash Algorithm => MeasurementHash.None;

    /// <summary>The value whose 32 bytes are all zero.</summary>
    public static Opaque32 Zero => default;

    /// <summary>The 32 bytes of the value, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    private Opaque32(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <inheritdoc/>
    public static Opaque32 FromBytes(ReadOnlySpan<byte> bytes) => new(MeasurementValue.RequireSize<Opaque32>(bytes));

    /// <summary>Parses exactly 64 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 64 hex digits; the message says which position is wrong.</exception>
    public static Opaque32 Parse(string hex) => MeasurementValue.Parse<Opaque32>(hex);

    /// <summary>Parses exactly 64 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Opaque32 value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>A new array holding the 32 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool Equals(Opaque32 other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Opaque32 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 64 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToLowerString(Bytes);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Opaque32 left, Opaque32 right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Opaque32 left, Opaque32 right) => !left.Equals(right);
}
