using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>An SM3 digest (32 bytes): TPM <c>pcr-sm3</c> banks. .NET has no SM3 implementation, so values can be read and compared but not computed.</summary>
public readonly struct Sm3Digest : IMeasurementValue<Sm3Digest>
{
    private readonly InlineBytes32 _bytes;

    /// <summary>32: the size of the value in bytes.</summary>
    public static int Size => 32;

    /// <inheritdoc/>
    public static MeasurementHash Algorithm => MeasurementHash.Sm3;

    /// <summary>The value whose 32 bytes are all zero.</summary>
    public static Sm3Digest Zero => default;

    /// <summary>The 32 bytes of the value, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Always throws: .NET has no SM3 implementation.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public static Sm3Digest Compute(ReadOnlySpan<byte> data) => MeasurementValue.Compute<Sm3Digest>(data);

    private Sm3Digest(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <inheritdoc/>
    public static Sm3Digest FromBytes(ReadOnlySpan<byte> bytes) => new(MeasurementValue.RequireSize<Sm3Digest>(bytes));

    /// <summary>Parses exactly 64 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 64 hex digits; the message says which position is wrong.</exception>
    public static Sm3Digest Parse(string hex) => MeasurementValue.Parse<Sm3Digest>(hex);

    /// <summary>Parses exactly 64 hex digits (either case); <paramref name="provider"/> is ignored.</summary>
    /// <exception cref="FormatException">The text is not 64 hex digits; the message says which position is wrong.</exception>
    public static Sm3Digest Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses exactly 64 hex digits (either case); <paramref name="provider"/> is ignored.</summary>
    /// <exception cref="FormatException">The text is not 64 hex digits; the message says which position is wrong.</exception>
    public static Sm3Digest Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => MeasurementValue.Parse<Sm3Digest>(s);

    /// <summary>Parses exactly 64 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Sm3Digest value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>Parses exactly 64 hex digits (either case) without throwing; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sm3Digest result) => TryParse(s, out result);

    /// <summary>Parses exactly 64 hex digits (either case) without throwing or allocating; <paramref name="provider"/> is ignored.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Sm3Digest result) => MeasurementValue.TryParse(s, out result);

    /// <summary>A new array holding the 32 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool TryCopyTo(Span<byte> destination) => Bytes.TryCopyTo(destination);

    /// <inheritdoc/>
    public bool Equals(Sm3Digest other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Sm3Digest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 64 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToString(Bytes, upperCase: false);

    /// <summary>The value as 64 hex digits: lowercase for a null or empty <paramref name="format"/> or <c>"x"</c>, uppercase for <c>"X"</c>.</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => MeasurementValue.ToString(Bytes, format);

    /// <summary>Writes the 64 hex digits (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase) without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="destination"/> is shorter than 64 characters.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, destination, out charsWritten, format);

    /// <summary>Writes the 64 hex digits as UTF-8 (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase) without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="utf8Destination"/> is shorter than 64 bytes.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, utf8Destination, out bytesWritten, format);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Sm3Digest left, Sm3Digest right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Sm3Digest left, Sm3Digest right) => !left.Equals(right);
}
