using System;

namespace Tsm;

/// <summary>
/// A fixed-size register value (a digest or an opaque value) stored inline: the struct is exactly
/// <see cref="Size"/> bytes, so registers can read into and extend from it without copying or allocating.
/// Its text form is two hex digits per byte: formatted lowercase (<c>"x"</c>, the default) or uppercase (<c>"X"</c>)
/// as UTF-16 or UTF-8, and parsed in either case, all without allocating.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IMeasurementValue<TSelf> : IEquatable<TSelf>, ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<TSelf>
    where TSelf : unmanaged, IMeasurementValue<TSelf>
{
    /// <summary>The value's size in bytes.</summary>
    static abstract int Size { get; }

    /// <summary>The hash algorithm that produces this value, or <see cref="MeasurementHash.None"/> for opaque values.</summary>
    static abstract MeasurementHash Algorithm { get; }

    /// <summary>Creates a value from exactly <see cref="Size"/> bytes.</summary>
    /// <exception cref="MeasurementSizeArgumentException"><paramref name="bytes"/> does not have <see cref="Size"/> bytes.</exception>
    static abstract TSelf FromBytes(ReadOnlySpan<byte> bytes);

    /// <summary>Copies the <see cref="Size"/> bytes of the value to the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Size"/>.</exception>
    void CopyTo(Span<byte> destination);

    /// <summary>Copies the <see cref="Size"/> bytes of the value to the start of <paramref name="destination"/> unless it is shorter.</summary>
    /// <returns><see langword="false"/>, with nothing copied, when <paramref name="destination"/> is shorter than <see cref="Size"/>.</returns>
    bool TryCopyTo(Span<byte> destination);
}
