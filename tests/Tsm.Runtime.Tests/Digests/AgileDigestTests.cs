using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Digests;

public class AgileDigestTests
{
    [Fact]
    public void Holds_a_digest_whose_algorithm_is_chosen_at_run_time()
    {
        byte[] data = Reference.Bytes(7, 6);

        AgileDigest sha256 = AgileDigest.Compute(MeasurementHash.Sha256, data);
        AgileDigest sha512 = AgileDigest.Compute(MeasurementHash.Sha512, data);

        Assert.Equal((MeasurementHash.Sha256, 32), (sha256.Algorithm, sha256.Length));
        Assert.Equal(SHA256.HashData(data), sha256.ToArray());
        Assert.Equal((MeasurementHash.Sha512, 64), (sha512.Algorithm, sha512.Length));
        Assert.Equal(Convert.ToHexStringLower(SHA512.HashData(data)), sha512.ToString());
    }

    [Fact]
    public void Equality_needs_the_same_algorithm_and_bytes()
    {
        byte[] bytes = Reference.Bytes(32, 7);

        Assert.Equal(new AgileDigest(MeasurementHash.Sha256, bytes), new AgileDigest(MeasurementHash.Sha256, bytes));
        Assert.True(new AgileDigest(MeasurementHash.Sha256, bytes) != new AgileDigest(MeasurementHash.Sha3_256, bytes));
        Assert.Equal(
            new AgileDigest(MeasurementHash.Sha256, bytes).GetHashCode(),
            new AgileDigest(MeasurementHash.Sha256, bytes).GetHashCode());
    }

    [Fact]
    public void The_length_must_match_the_algorithm()
    {
        var error = Assert.Throws<MeasurementSizeArgumentException>(() => new AgileDigest(MeasurementHash.Sha384, new byte[32]));
        Assert.Equal((48, 32), (error.ExpectedSize, error.ActualSize));
        Assert.Throws<MeasurementSizeArgumentException>(() => new AgileDigest(MeasurementHash.None, new byte[65]));
    }

    [Fact]
    public void Is_built_from_a_typed_value_and_parsed_from_hex()
    {
        Sha384Digest typed = Sha384Digest.Compute("x"u8);

        AgileDigest agile = AgileDigest.From(typed);

        Assert.Equal(MeasurementHash.Sha384, agile.Algorithm);
        Assert.True(agile.Bytes.SequenceEqual(typed.Bytes));
        Assert.Equal(agile, AgileDigest.Parse(MeasurementHash.Sha384, typed.ToString().ToUpperInvariant()));
        Assert.True(AgileDigest.TryParse(MeasurementHash.Sha384, typed.ToString(), out AgileDigest parsed));
        Assert.Equal(agile, parsed);
        Assert.False(AgileDigest.TryParse(MeasurementHash.Sha256, typed.ToString(), out _));
        Assert.Contains("64 hex digits", Assert.Throws<FormatException>(() => AgileDigest.Parse(MeasurementHash.Sha256, "00")).Message);
    }
}
