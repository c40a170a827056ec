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

    /// <summary>Parses exactly 64 hex digits (either case) without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Sm3Digest value) => MeasurementValue.TryParse(hex, out value);

    /// <summary>A new array holding the 32 bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <inheritdoc/>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <inheritdoc/>
    public bool Equals(Sm3Digest other) => MeasurementValue.Equal(in this, in other);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Sm3Digest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => MeasurementValue.HashCodeOf(Bytes);

    /// <summary>The value as 64 lowercase hex digits.</summary>
    public override string ToString() => HexText.ToLowerString(Bytes);

    /// <summary>Whether both values have the same bytes.</summary>
    public static bool operator ==(Sm3Digest left, Sm3Digest right) => left.Equals(right);

    /// <summary>Whether the values differ in any byte.</summary>
    public static bool operator !=(Sm3Digest left, Sm3Digest right) => !left.Equals(right);
}
