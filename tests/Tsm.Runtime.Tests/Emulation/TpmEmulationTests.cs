using System.Security.Cryptography;
using System.Text;

namespace Tsm.Runtime.Tests.Emulation;

/// <summary>A TPM-like device: PCR text files in sysfs, reset values per PCR, extend per bank (TCG PC Client PTP, PCR attributes; <c>drivers/char/tpm/tpm-sysfs.c</c>).</summary>
public class TpmEmulationTests
{
    private readonly EmulatedBackend _backend = TsmBackend.Emulated();

    [Fact]
    public void Pcr17_resets_to_all_ones_and_pcr0_to_zero()
    {
        using GenericDevice tpm = GenericDevice.Open(TpmLike.Definition, _backend);

        Assert.All(tpm.Register("pcr17").ReadBytes(), b => Assert.Equal(0xFF, b));
        Assert.All(tpm.Register("pcr0").ReadBytes(), b => Assert.Equal(0x00, b));
    }

    [Fact]
    public void The_sysfs_file_is_uppercase_hex_and_a_newline()
    {
        byte[] text = new byte[100];

        int length = _backend.Device(TpmLike.Definition).ReadFile("pcr-sha256/17", 0, text);

        Assert.Equal(new string('F', 64) + "\n", Encoding.ASCII.GetString(text, 0, length));
    }

    [Fact]
    public void The_sysfs_file_is_read_only()
    {
        Assert.Equal(
            LinuxErrno.EACCES,
            Assert.Throws<MeasurementRegisterNotWritableException>(() => _backend.Device(TpmLike.Definition).WriteFile("pcr-sha256/7", 0, new byte[32])).Errno);
    }

    [Fact]
    public void Extending_a_pcr_changes_only_its_own_bank()
    {
        using GenericDevice tpm = GenericDevice.Open(TpmLike.Definition, _backend);
        byte[] digest = SHA256.HashData("boot component"u8);

        tpm.Register("pcr7:sha256").Extend(digest);

        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA256, new byte[32], digest), tpm.Register("pcr-sha256/7").ReadBytes());
        Assert.Equal(new byte[20], tpm.Register("pcr7:sha1").ReadBytes());
        Assert.Contains("pcr7:sha1, pcr7:sha256", Assert.Throws<MeasurementRegisterNotFoundException>(() => tpm.Register("pcr7")).Message);
    }
}
