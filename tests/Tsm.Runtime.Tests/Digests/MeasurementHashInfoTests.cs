using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Digests;

public class MeasurementHashInfoTests
{
    [Theory]
    [InlineData(MeasurementHash.Sha1, "sha1", 20)]
    [InlineData(MeasurementHash.Sha224, "sha224", 28)]
    [InlineData(MeasurementHash.Sha256, "sha256", 32)]
    [InlineData(MeasurementHash.Sha384, "sha384", 48)]
    [InlineData(MeasurementHash.Sha512, "sha512", 64)]
    [InlineData(MeasurementHash.Sm3, "sm3", 32)]
    [InlineData(MeasurementHash.Sha3_256, "sha3-256", 32)]
    [InlineData(MeasurementHash.Sha3_384, "sha3-384", 48)]
    [InlineData(MeasurementHash.Sha3_512, "sha3-512", 64)]
    public void Kernel_names_and_sizes_follow_hash_info(MeasurementHash hash, string kernelName, int size)
    {
        Assert.Equal(kernelName, MeasurementHashInfo.KernelName(hash));
        Assert.Equal(size, MeasurementHashInfo.DigestSize(hash));
        Assert.True(MeasurementHashInfo.TryParseKernelName(kernelName, out MeasurementHash parsed));
        Assert.Equal(hash, parsed);
    }

    [Fact]
    public void The_older_sm3_256_name_still_parses()
    {
        Assert.True(MeasurementHashInfo.TryParseKernelName("sm3-256", out MeasurementHash hash));
        Assert.Equal(MeasurementHash.Sm3, hash);
    }

    [Theory]
    [InlineData("md5")]
    [InlineData("none")]
    [InlineData("")]
    public void Unknown_names_do_not_parse(string name) => Assert.False(MeasurementHashInfo.TryParseKernelName(name, out _));

    [Fact]
    public void None_has_no_kernel_name_and_no_size()
    {
        Assert.Equal(0, MeasurementHashInfo.DigestSize(MeasurementHash.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeasurementHashInfo.KernelName(MeasurementHash.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => MeasurementHashInfo.DigestSize((MeasurementHash)99));
    }

    [Fact]
    public void Compute_writes_the_digest_into_the_destination_without_allocating()
    {
        byte[] data = Reference.Bytes(96, 5);
        byte[] destination = new byte[48];
        MeasurementHashInfo.Compute(MeasurementHash.Sha384, data, destination);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            MeasurementHashInfo.Compute(MeasurementHash.Sha384, data, destination);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(SHA384.HashData(data), destination);
    }

    [Fact]
    public void Compute_rejects_a_destination_that_is_too_short()
    {
        var error = Assert.Throws<ArgumentException>(() => MeasurementHashInfo.Compute(MeasurementHash.Sha512, [], new byte[63]));
        Assert.Contains("64 bytes", error.Message);
    }

    [Theory]
    [InlineData(MeasurementHash.Sm3, "SM3")]
    [InlineData(MeasurementHash.Sha224, "SHA-224")]
    [InlineData(MeasurementHash.None, "None")]
    public void Compute_names_the_algorithm_it_cannot_compute(MeasurementHash hash, string name)
    {
        Assert.False(MeasurementHashInfo.IsSupported(hash));
        Assert.Contains(name, Assert.Throws<NotSupportedException>(() => MeasurementHashInfo.Compute(hash, [], new byte[64])).Message);
    }

    [Theory]
    [InlineData(MeasurementHash.Sha1, "SHA1")]
    [InlineData(MeasurementHash.Sha256, "SHA256")]
    [InlineData(MeasurementHash.Sha384, "SHA384")]
    [InlineData(MeasurementHash.Sha512, "SHA512")]
    [InlineData(MeasurementHash.Sha3_256, "SHA3-256")]
    [InlineData(MeasurementHash.Sha3_384, "SHA3-384")]
    [InlineData(MeasurementHash.Sha3_512, "SHA3-512")]
    public void Hashes_convert_to_and_from_dotnet_hash_algorithm_names(MeasurementHash hash, string dotnetName)
    {
        Assert.True(MeasurementHashInfo.TryGetHashAlgorithmName(hash, out HashAlgorithmName name));
        Assert.Equal(dotnetName, name.Name);
        Assert.True(MeasurementHashInfo.TryFromHashAlgorithmName(name, out MeasurementHash back));
        Assert.Equal(hash, back);
    }

    [Theory]
    [InlineData(MeasurementHash.None)]
    [InlineData(MeasurementHash.Sha224)]
    [InlineData(MeasurementHash.Sm3)]
    public void Hashes_dotnet_has_no_name_for_do_not_convert(MeasurementHash hash) =>
        Assert.False(MeasurementHashInfo.TryGetHashAlgorithmName(hash, out _));

    [Fact]
    public void Algorithms_that_are_not_measurement_hashes_do_not_convert() =>
        Assert.False(MeasurementHashInfo.TryFromHashAlgorithmName(HashAlgorithmName.MD5, out _));
}
