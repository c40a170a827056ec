using System.Text;

namespace Tsm.Runtime.Tests.Digests;

/// <summary><see cref="AgileDigest"/> formats like the fixed-size values, and parses spans given the algorithm.</summary>
public class AgileDigestTextTests
{
    public static TheoryData<MeasurementHash> Algorithms() => new(Enum.GetValues<MeasurementHash>().Where(h => h != MeasurementHash.None));

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Formats_and_parses_every_algorithm_like_its_fixed_size_value(MeasurementHash algorithm)
    {
        int size = MeasurementHashInfo.DigestSize(algorithm);
        byte[] bytes = Reference.Bytes(size, 11);
        var digest = new AgileDigest(algorithm, bytes);
        char[] chars = new char[2 * size];
        byte[] utf8 = new byte[2 * size];

        Assert.True(digest.TryFormat(chars, out int charsWritten, "X", null));
        Assert.True(digest.TryFormat(utf8, out int bytesWritten, default, null));
        Assert.True(AgileDigest.TryParse(algorithm, chars.AsSpan(), out AgileDigest parsed));

        Assert.Equal((2 * size, 2 * size), (charsWritten, bytesWritten));
        Assert.Equal(Convert.ToHexString(bytes), new string(chars));
        Assert.Equal(Convert.ToHexStringLower(bytes), Encoding.ASCII.GetString(utf8));
        Assert.Equal(digest, parsed);
        Assert.Equal(digest, AgileDigest.Parse(algorithm, chars.AsSpan()));
        Assert.Equal(digest.ToString(), digest.ToString("x", null));
        Assert.Equal(Convert.ToHexString(bytes), $"{digest:X}");
    }

    [Fact]
    public void An_opaque_value_of_any_even_length_up_to_the_maximum_parses_from_a_span()
    {
        string hex = new('a', 2 * AgileDigest.MaxLength);

        Assert.True(AgileDigest.TryParse(MeasurementHash.None, hex.AsSpan(), out AgileDigest longest));
        Assert.True(AgileDigest.TryParse(MeasurementHash.None, ReadOnlySpan<char>.Empty, out AgileDigest empty));
        Assert.False(AgileDigest.TryParse(MeasurementHash.None, (hex + "aa").AsSpan(), out _));
        Assert.False(AgileDigest.TryParse(MeasurementHash.None, "abc".AsSpan(), out _));

        Assert.Equal(AgileDigest.MaxLength, longest.Length);
        Assert.Equal(0, empty.Length);
        Assert.Contains("at most 128", Assert.Throws<FormatException>(() => AgileDigest.Parse(MeasurementHash.None, (hex + "aa").AsSpan())).Message);
    }

    [Fact]
    public void Span_parsing_fails_for_the_wrong_length_a_non_hex_character_or_an_undefined_algorithm()
    {
        string sha256 = new('0', 64);

        Assert.False(AgileDigest.TryParse(MeasurementHash.Sha384, sha256.AsSpan(), out _));
        Assert.False(AgileDigest.TryParse(MeasurementHash.Sha256, (sha256[..63] + "g").AsSpan(), out _));
        Assert.False(AgileDigest.TryParse((MeasurementHash)99, sha256.AsSpan(), out _));
        Assert.Contains("'g' at position 63", Assert.Throws<FormatException>(() => AgileDigest.Parse(MeasurementHash.Sha256, (sha256[..63] + "g").AsSpan())).Message);
        Assert.Contains("96 hex digits", Assert.Throws<FormatException>(() => AgileDigest.Parse(MeasurementHash.Sha384, sha256.AsSpan())).Message);
    }

    [Fact]
    public void Other_formats_are_a_format_exception()
    {
        var digest = AgileDigest.Compute(MeasurementHash.Sha256, "x"u8);

        Assert.Throws<FormatException>(() => digest.ToString("D", null));
        Assert.Throws<FormatException>(() => digest.TryFormat(new char[64], out _, "x8", null));
        Assert.Throws<FormatException>(() => digest.TryFormat(new byte[64], out _, "B", null));
    }

    [Fact]
    public void TryFormat_and_TryCopyTo_into_a_short_destination_write_nothing()
    {
        var digest = AgileDigest.Compute(MeasurementHash.Sha384, "x"u8);
        char[] chars = new char[95];
        byte[] bytes = new byte[47];

        Assert.False(digest.TryFormat(chars, out int written, default, null));
        Assert.False(digest.TryCopyTo(bytes));
        Assert.True(digest.TryCopyTo(new byte[48]));

        Assert.Equal(0, written);
        Assert.All(chars, c => Assert.Equal('\0', c));
        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void TryFormat_and_span_TryParse_do_not_allocate()
    {
        var digest = AgileDigest.Compute(MeasurementHash.Sha512, "x"u8);
        Span<char> chars = stackalloc char[2 * AgileDigest.MaxLength];
        Span<byte> utf8 = stackalloc byte[2 * AgileDigest.MaxLength];
        Span<byte> bytes = stackalloc byte[AgileDigest.MaxLength];
        RoundTrip(ref digest, chars, utf8, bytes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            RoundTrip(ref digest, chars, utf8, bytes);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void RoundTrip(ref AgileDigest digest, Span<char> chars, Span<byte> utf8, Span<byte> bytes)
    {
        Assert.True(digest.TryFormat(chars, out int written, "X", null));
        Assert.True(digest.TryFormat(utf8, out _, default, null));
        Assert.True(digest.TryCopyTo(bytes));
        Assert.True(AgileDigest.TryParse(digest.Algorithm, chars[..written], out digest));
    }
}
