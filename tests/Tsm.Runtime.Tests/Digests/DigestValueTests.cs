using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using CsCheck;

namespace Tsm.Runtime.Tests.Digests;

public class DigestValueTests
{
    private const string Sha384OfAbc =
        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7";

    [Fact]
    public void Every_value_type_is_exactly_its_register_size_so_it_can_be_read_in_place()
    {
        Assert.Equal(20, Unsafe.SizeOf<Sha1Digest>());
        Assert.Equal(28, Unsafe.SizeOf<Sha224Digest>());
        Assert.Equal(32, Unsafe.SizeOf<Sha256Digest>());
        Assert.Equal(48, Unsafe.SizeOf<Sha384Digest>());
        Assert.Equal(64, Unsafe.SizeOf<Sha512Digest>());
        Assert.Equal(32, Unsafe.SizeOf<Sm3Digest>());
        Assert.Equal(32, Unsafe.SizeOf<Sha3_256Digest>());
        Assert.Equal(48, Unsafe.SizeOf<Sha3_384Digest>());
        Assert.Equal(64, Unsafe.SizeOf<Sha3_512Digest>());
        Assert.Equal(32, Unsafe.SizeOf<Opaque32>());
        Assert.Equal(48, Unsafe.SizeOf<Opaque48>());
        Assert.Equal(64, Unsafe.SizeOf<Opaque64>());
    }

    [Fact]
    public void Static_size_and_algorithm_describe_the_type()
    {
        Assert.Equal((48, MeasurementHash.Sha384), (Sha384Digest.Size, Sha384Digest.Algorithm));
        Assert.Equal((32, MeasurementHash.Sm3), (Sm3Digest.Size, Sm3Digest.Algorithm));
        Assert.Equal((64, MeasurementHash.Sha3_512), (Sha3_512Digest.Size, Sha3_512Digest.Algorithm));
        Assert.Equal((48, MeasurementHash.None), (Opaque48.Size, Opaque48.Algorithm));
    }

    [Fact]
    public void Compute_matches_the_platform_hash()
    {
        byte[] data = Reference.Bytes(96, 1);
        Assert.Equal(SHA1.HashData(data), Sha1Digest.Compute(data).ToArray());
        Assert.Equal(SHA256.HashData(data), Sha256Digest.Compute(data).ToArray());
        Assert.Equal(SHA384.HashData(data), Sha384Digest.Compute(data).ToArray());
        Assert.Equal(SHA512.HashData(data), Sha512Digest.Compute(data).ToArray());
        Assert.Equal(Sha384OfAbc, Sha384Digest.Compute("abc"u8).ToString());
    }

    [Fact]
    public void Sha3_compute_matches_the_platform_when_the_platform_has_sha3()
    {
        byte[] data = Reference.Bytes(10, 2);
        if (SHA3_256.IsSupported)
        {
            Assert.Equal(SHA3_256.HashData(data), Sha3_256Digest.Compute(data).ToArray());
            Assert.Equal(SHA3_384.HashData(data), Sha3_384Digest.Compute(data).ToArray());
            Assert.Equal(SHA3_512.HashData(data), Sha3_512Digest.Compute(data).ToArray());
        }
        else
        {
            Assert.Contains("SHA3-256", Assert.Throws<NotSupportedException>(() => Sha3_256Digest.Compute(data)).Message);
        }
    }

    [Fact]
    public void Sm3_and_sha224_values_can_be_held_but_not_computed()
    {
        Assert.Contains("SM3", Assert.Throws<NotSupportedException>(() => Sm3Digest.Compute([1, 2, 3])).Message);
        Assert.Contains("SHA-224", Assert.Throws<NotSupportedException>(() => Sha224Digest.Compute([1, 2, 3])).Message);
        Assert.Equal(new string('a', 64), Sm3Digest.Parse(new string('A', 64)).ToString());
    }

    [Fact]
    public void ToString_is_lowercase_hex_and_parse_accepts_either_case()
    {
        Sha384Digest digest = Sha384Digest.Parse(Sha384OfAbc.ToUpperInvariant());

        Assert.Equal(Sha384OfAbc, digest.ToString());
        Assert.Equal(digest, Sha384Digest.Parse(Sha384OfAbc));
    }

    [Fact]
    public void Parse_names_the_expected_length_when_the_text_is_too_short_or_long()
    {
        var shortText = Assert.Throws<FormatException>(() => Sha384Digest.Parse("abcd"));
        Assert.Contains("96 hex digits", shortText.Message);
        Assert.Contains("48 bytes", shortText.Message);

        var longText = Assert.Throws<FormatException>(() => Sha256Digest.Parse(new string('0', 66)));
        Assert.Contains("64 hex digits", longText.Message);
    }

    [Fact]
    public void Parse_names_the_position_of_a_character_that_is_not_hex()
    {
        string text = string.Concat(new string('0', 10), "g", new string('0', 85));

        var error = Assert.Throws<FormatException>(() => Sha384Digest.Parse(text));

        Assert.Contains("'g' at position 10", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x00")]
    [InlineData("zz")]
    public void TryParse_reports_failure_without_throwing(string? text)
    {
        Assert.False(Sha1Digest.TryParse(text, out Sha1Digest value));
        Assert.Equal(Sha1Digest.Zero, value);
    }

    [Fact]
    public void TryParse_accepts_what_parse_accepts()
    {
        Assert.True(Opaque32.TryParse(new string('F', 64), out Opaque32 value));
        Assert.All(value.ToArray(), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void FromBytes_of_the_wrong_length_throws_a_size_exception_with_both_sizes()
    {
        var error = Assert.Throws<MeasurementSizeArgumentException>(() => Sha384Digest.FromBytes(new byte[32]));

        Assert.Equal(48, error.ExpectedSize);
        Assert.Equal(32, error.ActualSize);
        Assert.Contains("Sha384Digest", error.Message);
    }

    [Fact]
    public void Values_with_the_same_bytes_are_equal_and_hash_alike()
    {
        byte[] bytes = Reference.Bytes(48, 3);
        Sha384Digest a = Sha384Digest.FromBytes(bytes);
        Sha384Digest b = Sha384Digest.FromBytes(bytes);
        bytes[47] ^= 1;
        Sha384Digest c = Sha384Digest.FromBytes(bytes);

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != c);
        Assert.False(a.Equals((object)c.ToArray()));
    }

    [Fact]
    public void Zero_is_all_zero_bytes()
    {
        Assert.Equal(new byte[64], Sha512Digest.Zero.ToArray());
        Assert.Equal(new string('0', 128), Opaque64.Zero.ToString());
    }

    [Fact]
    public void Bytes_and_CopyTo_expose_the_value()
    {
        byte[] bytes = Reference.Bytes(20, 4);
        Sha1Digest digest = Sha1Digest.FromBytes(bytes);
        byte[] destination = new byte[25];

        digest.CopyTo(destination);

        Assert.True(digest.Bytes.SequenceEqual(bytes));
        Assert.Equal(bytes, destination[..20]);
        Assert.Throws<ArgumentException>(() => digest.CopyTo(new byte[19]));
    }

    [Fact]
    public void Hex_and_bytes_round_trip_for_any_value()
    {
        Gen.Byte.Array[48].Sample(bytes =>
        {
            Sha384Digest digest = Sha384Digest.FromBytes(bytes);
            Assert.Equal(digest, Sha384Digest.Parse(digest.ToString()));
            Assert.Equal(Convert.ToHexStringLower(bytes), digest.ToString());
            Assert.Equal(bytes, digest.ToArray());
        });
    }

    [Fact]
    public void Equality_is_consistent_with_the_bytes_for_any_values()
    {
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[32]).Sample((x, y) =>
        {
            Opaque32 a = Opaque32.FromBytes(x);
            Opaque32 b = Opaque32.FromBytes(y);
            Assert.Equal(x.AsSpan().SequenceEqual(y), a == b);
            Assert.Equal(a.Equals(b), b.Equals(a));
        });
    }
}
