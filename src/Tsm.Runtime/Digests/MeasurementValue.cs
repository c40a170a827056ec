using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Tsm;

/// <summary>
/// The logic every <see cref="IMeasurementValue{TSelf}"/> struct shares (size checks, hex formatting and parsing,
/// equality, hashing), written once against the struct's bytes so each value type stays a thin, typed shell: the value
/// files are <c>Sha256Digest.cs</c> with only the name, size and algorithm changed (<c>DigestTableTests</c> holds them to it).
/// </summary>
internal static class MeasurementValue
{
    /// <summary>The bytes of <paramref name="value"/>; valid because every value struct is exactly its size.</summary>
    public static ReadOnlySpan<byte> BytesOf<T>(in T value)
        where T : unmanaged, IMeasurementValue<T> => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));

    /// <summary>The writable bytes of <paramref name="value"/>.</summary>
    public static Span<byte> WritableBytesOf<T>(ref T value)
        where T : unmanaged, IMeasurementValue<T> => MemoryMarshal.AsBytes(new Span<T>(ref value));

    /// <summary>Returns <paramref name="bytes"/> when it is exactly one <typeparamref name="T"/>.</summary>
    /// <exception cref="MeasurementSizeArgumentException">It is not.</exception>
    public static ReadOnlySpan<byte> RequireSize<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged, IMeasurementValue<T>
    {
        if (bytes.Length != T.Size)
        {
            throw new MeasurementSizeArgumentException(
                $"A {typeof(T).Name} is exactly {T.Size} bytes, but {bytes.Length} bytes were given.",
                nameof(bytes),
                expectedSize: T.Size,
                actualSize: bytes.Length);
        }

        return bytes;
    }

    /// <summary>Parses exactly <c>2 * T.Size</c> hex digits (either case).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="hex"/> is null.</exception>
    /// <exception cref="FormatException">The text has another length, or a character that is not a hex digit.</exception>
    public static T Parse<T>(string hex)
        where T : unmanaged, IMeasurementValue<T>
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Parse<T>(hex.AsSpan());
    }

    /// <summary>Parses exactly <c>2 * T.Size</c> hex digits (either case).</summary>
    /// <exception cref="FormatException">The text has another length, or a character that is not a hex digit.</exception>
    public static T Parse<T>(ReadOnlySpan<char> hex)
        where T : unmanaged, IMeasurementValue<T>
    {
        if (hex.Length != 2 * T.Size)
        {
            throw new FormatException(
                $"A {typeof(T).Name} is written as exactly {2 * T.Size} hex digits ({T.Size} bytes), but the text has {hex.Length} characters.");
        }

        T value = default;
        int invalid = HexText.Decode(hex, WritableBytesOf(ref value));
        if (invalid >= 0)
        {
            throw new FormatException(
                $"'{hex[invalid]}' at position {invalid} is not a hex digit; a {typeof(T).Name} is {2 * T.Size} hex digits (0-9, a-f, A-F).");
        }

        return value;
    }

    /// <summary>Parses exactly <c>2 * T.Size</c> hex digits (either case) without throwing; false for null.</summary>
    public static bool TryParse<T>([NotNullWhen(true)] string? hex, out T value)
        where T : unmanaged, IMeasurementValue<T>
    {
        value = default;
        return hex is not null && TryParse(hex.AsSpan(), out value);
    }

    /// <summary>Parses exactly <c>2 * T.Size</c> hex digits (either case) without throwing or allocating.</summary>
    public static bool TryParse<T>(ReadOnlySpan<char> hex, out T value)
        where T : unmanaged, IMeasurementValue<T>
    {
        value = default;
        return hex.Length == 2 * T.Size && HexText.Decode(hex, WritableBytesOf(ref value)) < 0;
    }

    /// <summary>Hex of <paramref name="bytes"/> in <paramref name="format"/> (see <see cref="IsUpperCase"/>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is not a value format.</exception>
    public static string ToString(ReadOnlySpan<byte> bytes, ReadOnlySpan<char> format) =>
        HexText.ToString(bytes, IsUpperCase(format));

    /// <summary>
    /// Writes the hex of <paramref name="bytes"/> in <paramref name="format"/> as UTF-16 (<see cref="char"/>) or UTF-8
    /// (<see cref="byte"/>), without allocating.
    /// </summary>
    /// <returns><see langword="false"/>, with nothing written, when <paramref name="destination"/> is too short.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a value format.</exception>
    public static bool TryFormat<TChar>(ReadOnlySpan<byte> bytes, Span<TChar> destination, out int written, ReadOnlySpan<char> format)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        bool upperCase = IsUpperCase(format);
        if (destination.Length < 2 * bytes.Length)
        {
            written = 0;
            return false;
        }

        HexText.Encode(bytes, destination, upperCase);
        written = 2 * bytes.Length;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="format"/> asks for uppercase hex: empty or <c>"x"</c> is lowercase (the
    /// <c>ToString()</c> form), <c>"X"</c> uppercase, as for integers' hexadecimal format specifier.
    /// </summary>
    /// <exception cref="FormatException">Any other format.</exception>
    public static bool IsUpperCase(ReadOnlySpan<char> format) => format switch
    {
        [] or ['x'] => false,
        ['X'] => true,
        _ => throw new FormatException(
            $"'{format}' is not a format of a measurement value: use \"x\" (lowercase hex, the default) or \"X\" (uppercase hex)."),
    };

    public static T Compute<T>(ReadOnlySpan<byte> data)
        where T : unmanaged, IMeasurementValue<T>
    {
        T value = default;
        MeasurementHashInfo.Compute(T.Algorithm, data, WritableBytesOf(ref value));
        return value;
    }

    public static void CopyTo(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        if (destination.Length < bytes.Length)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} bytes but the value needs {bytes.Length}.",
                nameof(destination));
        }

        bytes.CopyTo(destination);
    }

    public static bool Equal<T>(in T left, in T right)
        where T : unmanaged, IMeasurementValue<T> => BytesOf(in left).SequenceEqual(BytesOf(in right));

    public static int HashCodeOf(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
