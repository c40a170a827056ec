using System;
using System.Diagnostics.CodeAnalysis;

namespace Tsm;

/// <summary>
/// A digest whose algorithm is only known at run time, such as an Arm CCA REM, whose hash the realm chooses at
/// creation. Up to <see cref="MaxLength"/> bytes are stored inline, so creating, reading, comparing, formatting and
/// parsing one never allocates. Parsing needs the algorithm, so the digest is formattable but not <see cref="ISpanParsable{TSelf}"/>.
/// </summary>
public readonly struct AgileDigest : IEquatable<AgileDigest>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>The largest value an agile digest holds: 64 bytes, the size of SHA-512 and of an RSI measurement slot.</summary>
    public const int MaxLength = 64;

    private readonly InlineBytes64 _bytes;

    /// <summary>Creates a digest from its algorithm and bytes.</summary>
    /// <param name="algorithm">The algorithm; <see cref="MeasurementHash.None"/> for an opaque value of 0..64 bytes.</param>
    /// <param name="bytes">Exactly the algorithm's digest size.</param>
    /// <exception cref="MeasurementSizeArgumentException">The length does not fit the algorithm.</exception>
    public AgileDigest(MeasurementHash algorithm, ReadOnlySpan<byte> bytes)
    {
        int expected = MeasurementHashInfo.DigestSize(algorithm);
        bool fits = algorithm == MeasurementHash.None ? bytes.Length <= MaxLength : bytes.Length == expected;
        if (!fits)
        {
            throw new MeasurementSizeArgumentException(
                algorithm == MeasurementHash.None
                    ? $"An opaque agile value holds at most {MaxLength} bytes, but {bytes.Length} were given."
                    : $"A {MeasurementHashInfo.DisplayName(algorithm)} digest is {expected} bytes, but {bytes.Length} were given.",
                nameof(bytes),
                expectedSize: algorithm == MeasurementHash.None ? MaxLength : expected,
                actualSize: bytes.Length);
        }

        Algorithm = algorithm;
        Length = bytes.Length;
        bytes.CopyTo(_bytes);
    }

    /// <summary>The algorithm that produced the digest, or <see cref="MeasurementHash.None"/> for an opaque value.</summary>
    public MeasurementHash Algorithm { get; }

    /// <summary>The number of bytes in <see cref="Bytes"/>.</summary>
    public int Length { get; }

    /// <summary>The <see cref="Length"/> bytes of the digest, without copying.</summary>
    [UnscopedRef]
    public ReadOnlySpan<byte> Bytes => ((ReadOnlySpan<byte>)_bytes)[..Length];

    /// <summary>Hashes <paramref name="data"/> with <paramref name="algorithm"/> without allocating.</summary>
    /// <exception cref="NotSupportedException">The algorithm has no implementation on this platform.</exception>
    public static AgileDigest Compute(MeasurementHash algorithm, ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[MaxLength];
        MeasurementHashInfo.Compute(algorithm, data, digest);
        return new AgileDigest(algorithm, digest[..MeasurementHashInfo.DigestSize(algorithm)]);
    }

    /// <summary>The run-time form of a typed value (its <c>Algorithm</c> and bytes).</summary>
    public static AgileDigest From<T>(in T value)
        where T : unmanaged, IMeasurementValue<T> => new(T.Algorithm, MeasurementValue.BytesOf(in value));

    /// <summary>Parses the hex form of an <paramref name="algorithm"/> digest (two digits per byte, either case).</summary>
    /// <exception cref="FormatException">The text has the wrong length or a character that is not a hex digit.</exception>
    public static AgileDigest Parse(MeasurementHash algorithm, string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Parse(algorithm, hex.AsSpan());
    }

    /// <summary>Parses the hex form of an <paramref name="algorithm"/> digest (two digits per byte, either case).</summary>
    /// <exception cref="FormatException">The text has the wrong length or a character that is not a hex digit.</exception>
    public static AgileDigest Parse(MeasurementHash algorithm, ReadOnlySpan<char> hex)
    {
        int size = MeasurementHashInfo.DigestSize(algorithm);
        if (algorithm == MeasurementHash.None ? hex.Length % 2 != 0 || hex.Length > 2 * MaxLength : hex.Length != 2 * size)
        {
            throw new FormatException(algorithm == MeasurementHash.None
                ? $"An opaque agile value is an even number of hex digits, at most {2 * MaxLength}, but the text has {hex.Length} characters."
                : $"A {MeasurementHashInfo.DisplayName(algorithm)} digest is written as exactly {2 * size} hex digits ({size} bytes), but the text has {hex.Length} characters.");
        }

        Span<byte> bytes = stackalloc byte[MaxLength];
        bytes = bytes[..(hex.Length / 2)];
        int invalid = HexText.Decode(hex, bytes);
        if (invalid >= 0)
        {
            throw new FormatException($"'{hex[invalid]}' at position {invalid} is not a hex digit.");
        }

        return new AgileDigest(algorithm, bytes);
    }

    /// <summary>Parses the hex form of an <paramref name="algorithm"/> digest without throwing.</summary>
    public static bool TryParse(MeasurementHash algorithm, [NotNullWhen(true)] string? hex, out AgileDigest value)
    {
        value = default;
        return hex is not null && TryParse(algorithm, hex.AsSpan(), out value);
    }

    /// <summary>Parses the hex form of an <paramref name="algorithm"/> digest without throwing or allocating.</summary>
    /// <returns><see langword="false"/> for an undefined algorithm, text of the wrong length, or a character that is not a hex digit.</returns>
    public static bool TryParse(MeasurementHash algorithm, ReadOnlySpan<char> hex, out AgileDigest value)
    {
        value = default;
        if (!Enum.IsDefined(algorithm))
        {
            return false;
        }

        int size = algorithm == MeasurementHash.None ? hex.Length / 2 : MeasurementHashInfo.DigestSize(algorithm);
        if (hex.Length != 2 * size || size > MaxLength)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxLength];
        bytes = bytes[..size];
        if (HexText.Decode(hex, bytes) >= 0)
        {
            return false;
        }

        value = new AgileDigest(algorithm, bytes);
        return true;
    }

    /// <summary>A new array holding the <see cref="Length"/> bytes.</summary>
    public byte[] ToArray() => Bytes.ToArray();

    /// <summary>Copies the <see cref="Length"/> bytes to the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Length"/>.</exception>
    public void CopyTo(Span<byte> destination) => MeasurementValue.CopyTo(Bytes, destination);

    /// <summary>Copies the <see cref="Length"/> bytes to the start of <paramref name="destination"/> unless it is shorter.</summary>
    /// <returns><see langword="false"/>, with nothing copied, when <paramref name="destination"/> is shorter than <see cref="Length"/>.</returns>
    public bool TryCopyTo(Span<byte> destination) => Bytes.TryCopyTo(destination);

    /// <summary>Whether both digests have the same algorithm and the same bytes.</summary>
    public bool Equals(AgileDigest other) => Algorithm == other.Algorithm && Bytes.SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AgileDigest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Algorithm, MeasurementValue.HashCodeOf(Bytes));

    /// <summary>The digest as lowercase hex, two digits per byte.</summary>
    public override string ToString() => HexText.ToString(Bytes, upperCase: false);

    /// <summary>The digest as hex, two digits per byte: lowercase for a null or empty <paramref name="format"/> or <c>"x"</c>, uppercase for <c>"X"</c>.</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => MeasurementValue.ToString(Bytes, format);

    /// <summary>Writes the digest as hex, two digits per byte (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase), without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="destination"/> is shorter than 2 × <see cref="Length"/> characters.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, destination, out charsWritten, format);

    /// <summary>Writes the digest as UTF-8 hex, two digits per byte (<c>"x"</c> or empty: lowercase, <c>"X"</c>: uppercase), without allocating.</summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="utf8Destination"/> is shorter than 2 × <see cref="Length"/> bytes.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        MeasurementValue.TryFormat(Bytes, utf8Destination, out bytesWritten, format);

    /// <summary>Whether both digests have the same algorithm and bytes.</summary>
    public static bool operator ==(AgileDigest left, AgileDigest right) => left.Equals(right);

    /// <summary>Whether the digests differ in algorithm or in any byte.</summary>
    public static bool operator !=(AgileDigest left, AgileDigest right) => !left.Equals(right);
}
