namespace Tsm.Runtime.Tests.Sysfs;

public class DetectTests
{
    private const string Missing = "/nonexistent/tsm-tests/tdx_guest/measurements";

    [Fact]
    public void Detect_without_the_device_explains_what_is_missing_and_how_to_use_the_emulator()
    {
        var definition = new DeviceDefinition("tdx", "Intel TDX", Missing, SysfsEncoding.Binary, TdxDevice.Definition.Registers);

        var error = Assert.Throws<TsmDeviceNotFoundException>(() => TsmBackend.Detect(definition));

        Assert.Equal(Missing, error.Path);
        Assert.Contains($"'{Missing}'", error.Message);
        Assert.Contains("Linux 6.16", error.Message);
        Assert.Contains("Tdx.Open(TsmBackend.Emulated())", error.Message);
    }

    [Fact]
    public void The_emulator_hint_uses_the_generated_class_name_of_the_vendor()
    {
        var error = Assert.Throws<TsmDeviceNotFoundException>(() => TsmBackend.Sysfs(Missing).Open(KernelSample.Definition));

        Assert.Contains("TsmMrSample.Open(TsmBackend.Emulated())", error.Message);
    }

    [Fact]
    public void A_missing_tpm_names_the_tpm_driver()
    {
        var error = Assert.Throws<TsmDeviceNotFoundException>(() => TsmBackend.Sysfs(Missing).Open(TpmLike.Definition));

        Assert.Contains("TPM", error.Message);
        Assert.Contains("Tpm.Open(TsmBackend.Emulated())", error.Message);
    }

    [Fact]
    public void Detect_opens_sysfs_when_the_directory_exists()
    {
        using var directory = TemporarySysfsDirectory.LikeTdx();
        var definition = new DeviceDefinition("tdx", "Intel TDX", directory.Path, SysfsEncoding.Binary, TdxDevice.Definition.Registers);

        using MeasurementSession session = TsmBackend.Detect(definition);

        Assert.Equal(directory.Path, session.Location);
    }
}
