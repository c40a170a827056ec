using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>A SHA3-512 digest (64 bytes).</summary>
public readonly struct Sha3_512Digest : IMeasurementValue<Sha3_512Digest>
{
    private readonly InlineBytes64 _bytes;

    /// <summary>64: the size of the value in bytes.</summary>
    public static int Size => 64;

    /// <inheritdoc/>
    public static MeasurementHash Algorithm => MeasurementHash.Sha3_512;

    /// <summary>The value whose 64 bytes are all zero.</summary>
    public static Sha3_512Digest Zero => default;

    /// <summary>The 64 bytes of the value, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>SHA3-512 of <paramref name="data"/>, computed without allocating.</summary>
    /// <exception cref="NotSupportedException">The platform's crypto library has no SHA-3.</exception>
    public static Sha3_512Digest Compute(ReadOnlySpan<byte> data) => MeasurementValue.Compute<Sha3_512Digest>(data);

    private Sha3_512Digest(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <inheritdoc/>
    public static Sha3_512Digest FromBytes(ReadOnlySpan<byte> bytes) => new(MeasurementValue.RequireSize<Sha3_512Digest>(bytes));

    /// <summary>Parses exactly 128 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 128 hex digits; the message says which position is wrong.</exception>
    public static Sha3_512Digest Parse(string hex) => MeasurementValue.Parse<Sha3_512Digest>(hex);

    /// <summary>Parses exactly 128 hex digits (either case); <paramref name="provider"/> is ignored.</summary>
    /// <exception cref="FormatException">The text is not 128 hex digits; the message says which position is wrong.</exception>
    public static Sha3_512Digest Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses exactly 128 hex digits (either case); <paramref name="provider"/> is ignored.</summary>
    /// <exception cref="FormatException">The text is not 128 hex digits; the message says which position is wrong.</exception>
    public static Sha3_512Digest Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => MeasurementValue.Parse<Sha3_512Digest>(s);

    /// <summary>Parses exactly 128 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Sha3_512Digest value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>Parses exactly 128 hex digits (either case) without throwing; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sha3_512Digest result) => TryParse(s, out result);

    /// <summary>Parses exactly 128 hex digits (either case) without throwing or allocating; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Sha3_512Digest result) => MeasurementValue.TryParse(s, out result);

    /// <summary>A new array holding the 64 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool TryCopyTo(Span<byte> destination) => Bytes.TryCopyTo(destination);

    /// <inheritdoc/>
    public bool Equals(Sha3_512Digest other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Sha3_512Digest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 128 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToString(Bytes, upperCase: false);

    /// <summary>The value as 128 hex digits: lowercase for a null or empty <paramref name="format"/> or <c>"x"</c>, uppercase for <c>"X"</c>.</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => MeasurementValue.ToString(Bytes, format);

    /// <summary>Writes the 128 hex digits (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase) without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="destination"/> is shorter than 128 characters.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, destination, out charsWritten, format);

    /// <summary>Writes the 128 hex digits as UTF-8 (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase) without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="utf8Destination"/> is shorter than 128 bytes.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, utf8Destination, out bytesWritten, format);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Sha3_512Digest left, Sha3_512Digest right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Sha3_512Digest left, Sha3_512Digest right) => !left.Equals(right);
}
