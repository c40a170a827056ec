namespace Tsm.Runtime.Tests.Tpm;

using Tpm = Tsm.Vendors.Tpm;

/// <summary>
/// The character-device transport: one write of the command, one read of the response. A regular file stands in for the
/// device: the command overwrites its first bytes, and the read that follows returns what was placed after them.
/// </summary>
public sealed class TpmDeviceTransportTests : IDisposable
{
    private static readonly int CapabilityCommandLength = TpmGetCapability.WritePcrs(new byte[64]);
    private readonly string _device = Path.Combine(Directory.CreateTempSubdirectory("tsm-tpmdev-").FullName, "tpmrm0");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_device)!, recursive: true);

    [Fact]
    public void A_session_on_a_device_sends_get_capability_in_one_write_and_reads_the_answer_in_one_read()
    {
        File.WriteAllBytes(_device, [.. new byte[CapabilityCommandLength], .. TpmResponses.Sha256Allocated()]);

        using TpmSession session = TsmBackend.Tpm(_device).OpenSession(Tpm.Definition);

        Assert.Equal([MeasurementHash.Sha256], session.AllocatedBanks);
        byte[] expectedCommand = new byte[CapabilityCommandLength];
        _ = TpmGetCapability.WritePcrs(expectedCommand);
        Assert.Equal(expectedCommand, File.ReadAllBytes(_device)[..CapabilityCommandLength]);
    }

    [Fact]
    public void A_read_that_returns_more_than_the_header_announces_is_a_protocol_error()
    {
        File.WriteAllBytes(_device, [.. new byte[CapabilityCommandLength], .. TpmResponses.Sha256Allocated(), 1, 2, 3]);

        var error = Assert.Throws<TpmProtocolException>(() => TsmBackend.Tpm(_device).OpenSession(Tpm.Definition));

        Assert.Equal(TpmCommand.GetCapability, error.Command);
        Assert.Contains("disagrees with the 34 bytes the driver returned", error.Message);
    }

    [Fact]
    public void A_device_that_returns_nothing_is_a_transport_error_naming_the_command()
    {
        File.WriteAllBytes(_device, [.. new byte[CapabilityCommandLength], .. TpmResponses.Sha256Allocated()]);
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(_device));

        var error = Assert.Throws<TpmTransportException>(() => tpm.Sha256.Pcr(7).Read());

        Assert.Equal(TpmCommand.PcrRead, error.Command);
        Assert.Contains("returned no response", error.Message);
        Assert.Equal(_device, error.Path);
    }

    [Fact]
    public void A_missing_device_is_device_not_found_with_the_way_to_a_simulator_or_the_emulator()
    {
        var error = Assert.Throws<TsmDeviceNotFoundException>(() => Tpm.Open(TsmBackend.Tpm(_device + ".missing")));

        Assert.Contains("tcp://host:port", error.Message);
        Assert.Contains("Tpm.Open(TsmBackend.Emulated())", error.Message);
    }

    [Fact]
    public void Detect_prefers_the_tpm_device_when_it_exists()
    {
        File.WriteAllBytes(_device, [.. new byte[CapabilityCommandLength], .. TpmResponses.Sha256Allocated()]);

        using MeasurementSession session = TsmBackend.Detect(Tpm.Definition, _device);

        Assert.IsType<TpmSession>(session);
        Assert.Equal(_device, session.Location);
    }

    [Fact]
    public void Detect_falls_back_to_the_read_only_sysfs_files_without_the_device()
    {
        var error = Assert.Throws<TsmDeviceNotFoundException>(() => TsmBackend.Detect(Tpm.Definition, _device + ".missing"));

        Assert.Equal("/sys/class/tpm/tpm0", error.Path);
    }

    [Fact]
    public void Detect_ignores_the_tpm_device_for_other_vendors()
    {
        File.WriteAllBytes(_device, [.. new byte[CapabilityCommandLength], .. TpmResponses.Sha256Allocated()]);

        var error = Assert.Throws<TsmDeviceNotFoundException>(() => TsmBackend.Detect(TdxDevice.Definition, _device));

        Assert.Equal(TdxDevice.SysfsDirectory, error.Path);
    }
}
