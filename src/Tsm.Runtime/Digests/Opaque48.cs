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

    /// <summary>Parses exactly 96 hex digits (either case); <paramref name="provider"/> is ignored.</summary>
    /// <exception cref="FormatException">The text is not 96 hex digits; the message says which position is wrong.</exception>
    public static Opaque48 Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses exactly 96 hex digits (either case); <paramref name="provider"/> is ignored.</summary>
    /// <exception cref="FormatException">The text is not 96 hex digits; the message says which position is wrong.</exception>
    public static Opaque48 Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => MeasurementValue.Parse<Opaque48>(s);

    /// <summary>Parses exactly 96 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Opaque48 value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>Parses exactly 96 hex digits (either case) without throwing; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Opaque48 result) => TryParse(s, out result);

    /// <summary>Parses exactly 96 hex digits (either case) without throwing or allocating; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Opaque48 result) => MeasurementValue.TryParse(s, out result);

    /// <summary>A new array holding the 48 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool TryCopyTo(Span<byte> destination) => Bytes.TryCopyTo(destination);

    /// <inheritdoc/>
    public bool Equals(Opaque48 other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Opaque48 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 96 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToString(Bytes, upperCase: false);

    /// <summary>The value as 96 hex digits: lowercase for a null or empty <paramref name="format"/> or <c>"x"</c>, uppercase for <c>"X"</c>.</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => MeasurementValue.ToString(Bytes, format);

    /// <summary>Writes the 96 hex digits (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase) without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="destination"/> is shorter than 96 characters.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, destination, out charsWritten, format);

    /// <summary>Writes the 96 hex digits as UTF-8 (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase) without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="utf8Destination"/> is shorter than 96 bytes.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, utf8Destination, out bytesWritten, format);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Opaque48 left, Opaque48 right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Opaque48 left, Opaque48 right) => !left.Equals(right);
}
