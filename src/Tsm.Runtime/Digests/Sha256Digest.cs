using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>A SHA-256 digest (32 bytes): TPM <c>pcr-sha256</c> banks, Arm CCA SHA-256 realms, the tsm-mr sample's <c>rtmr0</c>.</summary>
public readonly struct Sha256Digest : IMeasurementValue<Sha256Digest>
{
    private readonly InlineBytes32 _bytes;

    /// <summary>32: the size of the value in bytes.</summary>
    public static int Size => 32;

    /// <inheritdoc/>
    public static MeasurementHash Algorithm => MeasurementHash.Sha256;

    /// <summary>The value whose 32 bytes are all zero.</summary>
    public static Sha256Digest Zero => default;

    /// <summary>The 32 bytes of the value, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>SHA-256 of <paramref name="data"/>, computed without allocating.</summary>
    public static Sha256Digest Compute(ReadOnlySpan<byte> data) => MeasurementValue.Compute<Sha256Digest>(data);

    private Sha256Digest(ReadOnlySpan<byte> bytes) => bytes.CopyTo(_bytes);

    /// <inheritdoc/>
    public static Sha256Digest FromBytes(ReadOnlySpan<byte> bytes) => new(MeasurementValue.RequireSize<Sha256Digest>(bytes));

    /// <summary>Parses exactly 64 hex digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 64 hex digits; the message says which position is wrong.</exception>
    public static Sha256Digest Parse(string hex) => MeasurementValue.Parse<Sha256Digest>(hex);

    /// <summary>Parses exactly 64 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Sha256Digest value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>A new array holding the 32 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool Equals(Sha256Digest other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Sha256Digest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 64 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToLowerString(Bytes);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Sha256Digest left, Sha256Digest right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Sha256Digest left, Sha256Digest right) => !left.Equals(right);
}
