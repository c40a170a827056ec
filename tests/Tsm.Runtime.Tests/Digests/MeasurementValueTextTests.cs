using System.Text;
using CsCheck;

namespace Tsm.Runtime.Tests.Digests;

/// <summary>
/// The .NET text conventions every fixed-size value follows (<see cref="ISpanFormattable"/>,
/// <see cref="IUtf8SpanFormattable"/>, <see cref="ISpanParsable{TSelf}"/>, <c>TryCopyTo</c>), run once per value type by
/// the sealed classes at the end of this file.
/// </summary>
public abstract class MeasurementValueTextTests<T>
    where T : unmanaged, IMeasurementValue<T>
{
    private static readonly T Sample = T.FromBytes(Reference.Bytes(T.Size, T.Size));

    private static string LowerHex => Convert.ToHexStringLower(Reference.Bytes(T.Size, T.Size));

    [Fact]
    public void No_format_an_empty_format_and_x_all_give_the_lowercase_ToString()
    {
        Assert.Equal(LowerHex, Sample.ToString());
        Assert.Equal(LowerHex, Sample.ToString(null, null));
        Assert.Equal(LowerHex, Sample.ToString("", null));
        Assert.Equal(LowerHex, Sample.ToString("x", null));
        Assert.Equal(LowerHex, $"{Sample}");
        Assert.Equal(LowerHex, $"{Sample:x}");
    }

    [Fact]
    public void Uppercase_X_gives_uppercase_hex_in_every_form()
    {
        string upper = LowerHex.ToUpperInvariant();
        Span<char> chars = stackalloc char[2 * T.Size];
        Span<byte> utf8 = stackalloc byte[2 * T.Size];

        Assert.Equal(upper, Sample.ToString("X", null));
        Assert.Equal(upper, $"{Sample:X}");
        Assert.True(Sample.TryFormat(chars, out _, "X", null));
        Assert.Equal(upper, new string(chars));
        Assert.True(Sample.TryFormat(utf8, out _, "X", null));
        Assert.Equal(upper, Encoding.ASCII.GetString(utf8));
    }

    [Theory]
    [InlineData("G")]
    [InlineData("x2")]
    [InlineData("N")]
    [InlineData("xx")]
    [InlineData(" ")]
    public void Any_other_format_is_a_format_exception_that_names_the_valid_ones(string format)
    {
        byte[] utf8 = new byte[2 * T.Size];
        char[] chars = new char[2 * T.Size];

        var error = Assert.Throws<FormatException>(() => Sample.ToString(format, null));
        Assert.Throws<FormatException>(() => Sample.TryFormat(chars, out _, format, null));
        Assert.Throws<FormatException>(() => Sample.TryFormat(utf8, out _, format, null));

        Assert.Contains($"'{format}'", error.Message);
        Assert.Contains("\"X\"", error.Message);
    }

    [Fact]
    public void TryFormat_writes_exactly_two_digits_per_byte_and_leaves_the_rest_of_the_destination()
    {
        char[] chars = Enumerable.Repeat('#', (2 * T.Size) + 3).ToArray();
        byte[] utf8 = Enumerable.Repeat((byte)'#', (2 * T.Size) + 3).ToArray();

        Assert.True(Sample.TryFormat(chars, out int charsWritten, default, null));
        Assert.True(Sample.TryFormat(utf8, out int bytesWritten, default, null));

        Assert.Equal((2 * T.Size, 2 * T.Size), (charsWritten, bytesWritten));
        Assert.Equal(LowerHex + "###", new string(chars));
        Assert.Equal(LowerHex + "###", Encoding.ASCII.GetString(utf8));
    }

    [Fact]
    public void TryFormat_into_a_destination_one_short_writes_nothing_and_returns_false()
    {
        char[] chars = Enumerable.Repeat('#', (2 * T.Size) - 1).ToArray();
        byte[] utf8 = Enumerable.Repeat((byte)'#', (2 * T.Size) - 1).ToArray();

        Assert.False(Sample.TryFormat(chars, out int charsWritten, default, null));
        Assert.False(Sample.TryFormat(utf8, out int bytesWritten, default, null));

        Assert.Equal((0, 0), (charsWritten, bytesWritten));
        Assert.All(chars, c => Assert.Equal('#', c));
        Assert.All(utf8, b => Assert.Equal((byte)'#', b));
    }

    [Fact]
    public void Span_and_provider_parsing_accept_what_Parse_accepts_in_either_case()
    {
        string upper = LowerHex.ToUpperInvariant();

        Assert.Equal(Sample, T.Parse(LowerHex.AsSpan(), null));
        Assert.Equal(Sample, ParseString<T>(upper));
        Assert.True(T.TryParse(upper.AsSpan(), null, out T fromSpan));
        Assert.True(TryParseString(LowerHex, out T fromString));
        Assert.Equal((Sample, Sample), (fromSpan, fromString));
    }

    [Fact]
    public void Span_parsing_reports_the_same_length_and_position_as_string_parsing()
    {
        string wrongCharacter = string.Concat(LowerHex.AsSpan(0, 7), "g", LowerHex.AsSpan(8));

        var tooShort = Assert.Throws<FormatException>(() => T.Parse(LowerHex.AsSpan(2), null));
        var notHex = Assert.Throws<FormatException>(() => T.Parse(wrongCharacter.AsSpan(), null));

        Assert.Contains($"{2 * T.Size} hex digits", tooShort.Message);
        Assert.Contains(typeof(T).Name, tooShort.Message);
        Assert.Contains("'g' at position 7", notHex.Message);
        Assert.Equal(notHex.Message, Assert.Throws<FormatException>(() => ParseString<T>(wrongCharacter)).Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(-256)]
    public void Span_TryParse_of_the_wrong_length_fails_with_the_zero_value(int lengthChange)
    {
        string text = lengthChange < 0
            ? LowerHex[..Math.Max(0, LowerHex.Length + lengthChange)]
            : LowerHex + new string('0', lengthChange);

        Assert.False(T.TryParse(text.AsSpan(), null, out T value));
        Assert.Equal(default, value);
    }

    [Fact]
    public void Span_TryParse_of_a_character_that_is_not_hex_fails()
    {
        string text = string.Concat(LowerHex.AsSpan(0, LowerHex.Length - 1), "z");

        Assert.False(T.TryParse(text.AsSpan(), null, out _));
        Assert.False(TryParseString<T>(null, out _));
        Assert.Throws<ArgumentNullException>(() => ParseString<T>(null!));
    }

    [Fact]
    public void TryCopyTo_copies_into_a_large_enough_destination_and_leaves_a_short_one_untouched()
    {
        byte[] large = Enumerable.Repeat((byte)0xEE, T.Size + 2).ToArray();
        byte[] small = Enumerable.Repeat((byte)0xEE, T.Size - 1).ToArray();

        Assert.True(Sample.TryCopyTo(large));
        Assert.False(Sample.TryCopyTo(small));

        Assert.Equal(Reference.Bytes(T.Size, T.Size), large[..T.Size]);
        Assert.Equal(new byte[] { 0xEE, 0xEE }, large[T.Size..]);
        Assert.All(small, b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void Formatting_and_span_parsing_round_trip_for_any_value()
    {
        Gen.Byte.Array[T.Size].Sample(bytes =>
        {
            T value = T.FromBytes(bytes);
            Span<char> chars = stackalloc char[2 * T.Size];
            Span<byte> utf8 = stackalloc byte[2 * T.Size];
            Assert.True(value.TryFormat(chars, out _, "X", null));
            Assert.True(value.TryFormat(utf8, out _, default, null));

            Assert.Equal(value, T.Parse(chars, null));
            Assert.Equal(Convert.ToHexStringLower(bytes), Encoding.ASCII.GetString(utf8));
        });
    }

    [Fact]
    public void TryFormat_TryParse_and_TryCopyTo_do_not_allocate()
    {
        Span<char> chars = stackalloc char[2 * T.Size];
        Span<byte> utf8 = stackalloc byte[2 * T.Size];
        Span<byte> bytes = stackalloc byte[T.Size];
        T value = Sample;
        RoundTrip(ref value, chars, utf8, bytes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            RoundTrip(ref value, chars, utf8, bytes);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(Sample, value);
    }

    // Called on T itself, a string argument binds to the span overloads: C# method invocation drops the candidates of a
    // base interface (IParsable<T>) when one of the derived ISpanParsable<T> applies. These reach the string overloads.
    private static TValue ParseString<TValue>(string s)
        where TValue : IParsable<TValue> => TValue.Parse(s, null);

    private static bool TryParseString<TValue>(string? s, out TValue result)
        where TValue : IParsable<TValue> => TValue.TryParse(s, null, out result!);

    private static void RoundTrip(ref T value, Span<char> chars, Span<byte> utf8, Span<byte> bytes)
    {
        Assert.True(value.TryFormat(chars, out _, "X", null));
        Assert.True(value.TryFormat(utf8, out _, "x", null));
        Assert.True(value.TryCopyTo(bytes));
        Assert.True(T.TryParse(chars, null, out value));
    }
}

public sealed class Sha1DigestTextTests : MeasurementValueTextTests<Sha1Digest>;

public sealed class Sha224DigestTextTests : MeasurementValueTextTests<Sha224Digest>;

public sealed class Sha256DigestTextTests : MeasurementValueTextTests<Sha256Digest>;

public sealed class Sha384DigestTextTests : MeasurementValueTextTests<Sha384Digest>;

public sealed class Sha512DigestTextTests : MeasurementValueTextTests<Sha512Digest>;

public sealed class Sm3DigestTextTests : MeasurementValueTextTests<Sm3Digest>;

public sealed class Sha3_256DigestTextTests : MeasurementValueTextTests<Sha3_256Digest>;

public sealed class Sha3_384DigestTextTests : MeasurementValueTextTests<Sha3_384Digest>;

public sealed class Sha3_512DigestTextTests : MeasurementValueTextTests<Sha3_512Digest>;

public sealed class Opaque32TextTests : MeasurementValueTextTests<Opaque32>;

public sealed class Opaque48TextTests : MeasurementValueTextTests<Opaque48>;

public sealed class Opaque64TextTests : MeasurementValueTextTests<Opaque64>;
