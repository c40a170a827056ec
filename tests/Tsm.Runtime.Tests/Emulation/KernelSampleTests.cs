using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Emulation;

/// <summary>The emulator reproduces <c>samples/tsm-mr/tsm_mr_sample.c</c>.</summary>
public class KernelSampleTests
{
    private readonly EmulatedBackend _backend = TsmBackend.Emulated();
    private readonly EmulatedDevice _sample;

    public KernelSampleTests() => _sample = _backend.Device(KernelSample.Definition);

    [Fact]
    public void The_seven_attribute_files_exist()
    {
        Assert.Equal(KernelSample.Files, _sample.Files);
    }

    [Theory]
    [InlineData("static_mr:sha384", "static_mr", 48)]
    [InlineData("config_mr", "config_mr", 64)]
    [InlineData("rtmr0:sha256", "rtmr0", 32)]
    [InlineData("rtmr1:sha384", "rtmr1", 48)]
    [InlineData("rtmr_crypto_agile:sha256", "rtmr0", 32)]
    [InlineData("rtmr_crypto_agile:sha384", "rtmr1", 48)]
    public void Buffers_start_as_their_ascii_names_and_aliases_show_their_target(string file, string name, int size)
    {
        Assert.Equal(KernelSample.NamePadded(name, size), Read(file, size));
    }

    [Fact]
    public void Rtmr0_is_live_but_not_writable_so_writing_it_directly_is_EACCES()
    {
        Assert.Equal(LinuxErrno.EACCES, Assert.Throws<MeasurementRegisterNotWritableException>(() => _sample.WriteFile("rtmr0:sha256", 0, new byte[32])).Errno);
    }

    [Fact]
    public void Extending_the_crypto_agile_sha256_alias_extends_rtmr0()
    {
        byte[] data = Reference.Bytes(32, 15);

        _sample.WriteFile("rtmr_crypto_agile:sha256", 0, data);

        byte[] expected = Reference.Extend(HashAlgorithmName.SHA256, KernelSample.NamePadded("rtmr0", 32), data);
        Assert.Equal(expected, Read("rtmr0:sha256", 32));
        Assert.Equal(expected, Read("rtmr_crypto_agile:sha256", 32));
    }

    [Fact]
    public void Extending_rtmr1_is_visible_through_its_sha384_alias()
    {
        using GenericDevice device = GenericDevice.Open(KernelSample.Definition, _backend);
        byte[] data = Reference.Bytes(48, 16);

        device.Register("rtmr1").Extend(data);

        Assert.Equal(
            Reference.Extend(HashAlgorithmName.SHA384, KernelSample.NamePadded("rtmr1", 48), data),
            device.Register("rtmr_crypto_agile:sha384").ReadBytes());
    }

    [Fact]
    public void Report_digest_is_sha512_of_the_192_bytes_before_it_and_follows_every_extend()
    {
        byte[] Expected() => Reference.Hash(
            HashAlgorithmName.SHA512,
            Read("static_mr:sha384", 48),
            Read("config_mr", 64),
            Read("rtmr0:sha256", 32),
            Read("rtmr1:sha384", 48));

        byte[] initial = Reference.Hash(
            HashAlgorithmName.SHA512,
            KernelSample.NamePadded("static_mr", 48),
            KernelSample.NamePadded("config_mr", 64),
            KernelSample.NamePadded("rtmr0", 32),
            KernelSample.NamePadded("rtmr1", 48));
        Assert.Equal(initial, Read("report_digest:sha512", 64));

        _sample.WriteFile("rtmr_crypto_agile:sha384", 0, Reference.Bytes(48, 17));
        Assert.Equal(Expected(), Read("report_digest:sha512", 64));
        Assert.NotEqual(initial, Read("report_digest:sha512", 64));

        _sample.SetValue("static_mr", Reference.Bytes(48, 18));
        Assert.Equal(Expected(), Read("report_digest:sha512", 64));
    }

    [Fact]
    public void Report_digest_is_derived_so_it_cannot_be_set()
    {
        Assert.Throws<InvalidOperationException>(() => _sample.SetValue("report_digest", new byte[64]));
    }

    private byte[] Read(string file, int size)
    {
        byte[] value = new byte[size];
        Assert.Equal(size, _sample.ReadFile(file, 0, value));
        return value;
    }
}
