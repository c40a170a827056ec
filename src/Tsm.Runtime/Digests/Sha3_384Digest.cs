using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>A SHA3-384 digest (48 bytes).</summary>
public readonly struct Sha3_384Digest : IMeasurementValue<Sha3_384Digest>
{
    private readonly InlineBytes48 _bytes;

    /// <summary>48: the size of the value in bytes.</summary>
    public static int Size => 48;

    /// <inheritdoc/>
    public static MeasurementHash Algorithm => MeasurementHash.Sha3_384;

    /// <summary>The value whose 48 bytes are all zero.</summary>
    public static Sha3_384Digest Zero => default;

    /// <summary>The 48 bytes of the value, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>SHA3-384 of <paramref name="data"/>, computed without allocating.</summary>
    /// <exception cref="NotSupportedException">The platform's crypto library has no SHA-3.</exception>
    public static Sha3_384Digest Compute(ReadOnlySpan<byte> data) => MeasurementValue.Compute<Sha3_384Digest>(data);

    private Sha3_384Digest(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <inheritdoc/>
    public static Sha3_384Digest FromBytes(ReadOnlySpan<byte> bytes) => new(MeasurementValue.RequireSize<Sha3_384Digest>(bytes));

    /// <summary>Parses exactly 96 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 96 hex digits; the message says which position is wrong.</exception>
    public static Sha3_384Digest Parse(string hex) => MeasurementValue.Parse<Sha3_384Digest>(hex);

    /// <summary>Parses exactly 96 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Sha3_384Digest value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>A new array holding the 48 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool Equals(Sha3_384Digest other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Sha3_384Digest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 96 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToLowerString(Bytes);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Sha3_384Digest left, Sha3_384Digest right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Sha3_384Digest left, Sha3_384Digest right) => !left.Equals(right);
}
