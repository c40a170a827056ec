using System;
using System.Runtime.InteropServices;

namespace Tsm;

/// <summary>
/// The logic every <see cref="IMeasurementValue{TSelf}"/> struct shares (size checks, hex, equality, hashing),
/// written once against the struct's bytes so each value type stays a thin, typed shell.
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
    /// <exception cref="InvalidMeasurementSizeException">It is not.</exception>
    public static ReadOnlySpan<byte> RequireSize<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged, IMeasurementValue<T>
    {
        if (bytes.Length != T.Size)
        {
            throw new InvalidMeasurementSizeException(
                $"A {typeof(T).Name} is exactly {T.Size} bytes, but {bytes.Length} bytes were given.",
                expectedSize: T.Size,
                actualSize: bytes.Length);
        }

        return bytes;
    }

    public static T Parse<T>(string hex)
        where T : unmanaged, IMeasurementValue<T>
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 2 * T.Size)
        {
            throw new FormatException(
                $"A {typeof(T).Name} is written as exactly {2 * T.Size} hex digits ({T.Size} bytes), but the text has {hex.Length} characters.");
        }

        T value = default;
        int invalid = HexText.Decode(hex.AsSpan(), WritableBytesOf(ref value));
        if (invalid >= 0)
        {
            throw new FormatException(
                $"'{hex[invalid]}' at position {invalid} is not a hex digit; a {typeof(T).Name} is {2 * T.Size} hex digits (0-9, a-f, A-F).");
        }

        return value;
    }

    public static bool TryParse<T>(string? hex, out T value)
        where T : unmanaged, IMeasurementValue<T>
    {
        value = default;
        return hex is not null
            && hex.Length == 2 * T.Size
            && HexText.Decode(hex.AsSpan(), WritableBytesOf(ref value)) < 0;
    }

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
