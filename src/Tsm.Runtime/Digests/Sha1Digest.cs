using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>A SHA-1 digest (20 bytes): the value of a TPM <c>pcr-sha1</c> bank register.</summary>
public readonly struct Sha1Digest : IMeasurementValue<Sha1Digest>
{
    private readonly InlineBytes20 _bytes;

    /// <summary>20: the size of the value in bytes.</summary>
    public static int Size => 20;

    /// <inheritdoc/>
    public static MeasurementHash Algorithm => MeasurementHash.Sha1;

    /// <summary>The value whose 20 bytes are all zero.</summary>
    public static Sha1Digest Zero => default;

    /// <summary>The 20 bytes of the value, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>SHA-1 of <paramref name="data"/>, computed without allocating.</summary>
    public static Sha1Digest Compute(ReadOnlySpan<byte> data) => MeasurementValue.Compute<Sha1Digest>(data);

    private Sha1Digest(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <inheritdoc/>
    public static Sha1Digest FromBytes(ReadOnlySpan<byte> bytes) => new(MeasurementValue.RequireSize<Sha1Digest>(bytes));

    /// <summary>Parses exactly 40 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 40 hex digits; the message says which position is wrong.</exception>
    public static Sha1Digest Parse(string hex) => MeasurementValue.Parse<Sha1Digest>(hex);

    /// <summary>Parses exactly 40 hex digits (either case); <paramref name="provider"/> is ignored.</summary>
    /// <exception cref="FormatException">The text is not 40 hex digits; the message says which position is wrong.</exception>
    public static Sha1Digest Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses exactly 40 hex digits (either case); <paramref name="provider"/> is ignored.</summary>
    /// <exception cref="FormatException">The text is not 40 hex digits; the message says which position is wrong.</exception>
    public static Sha1Digest Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => MeasurementValue.Parse<Sha1Digest>(s);

    /// <summary>Parses exactly 40 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Sha1Digest value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>Parses exactly 40 hex digits (either case) without throwing; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sha1Digest result) => TryParse(s, out result);

    /// <summary>Parses exactly 40 hex digits (either case) without throwing or allocating; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Sha1Digest result) => MeasurementValue.TryParse(s, out result);

    /// <summary>A new array holding the 20 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool TryCopyTo(Span<byte> destination) => Bytes.TryCopyTo(destination);

    /// <inheritdoc/>
    public bool Equals(Sha1Digest other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Sha1Digest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 40 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToString(Bytes, upperCase: false);

    /// <summary>The value as 40 hex digits: lowercase for a null or empty <paramref name="format"/> or <c>"x"</c>, uppercase for <c>"X"</c>.</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => MeasurementValue.ToString(Bytes, format);

    /// <summary>Writes the 40 hex digits (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase) without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="destination"/> is shorter than 40 characters.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, destination, out charsWritten, format);

    /// <summary>Writes the 40 hex digits as UTF-8 (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase) without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="utf8Destination"/> is shorter than 40 bytes.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, utf8Destination, out bytesWritten, format);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Sha1Digest left, Sha1Digest right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Sha1Digest left, Sha1Digest right) => !left.Equals(right);
}
