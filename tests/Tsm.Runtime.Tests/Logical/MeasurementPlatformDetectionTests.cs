namespace Tsm.Runtime.Tests.Logical;

/// <summary>
/// <see cref="MeasurementPlatform.Detect(IReadOnlyList{DeviceDefinition})"/> over definitions whose directories live
/// in a temporary directory: a TEE's tsm-mr registers win over a TPM, and nothing present is one clear error.
/// </summary>
public sealed class MeasurementPlatformDetectionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tsm-detect-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_TEE_whose_register_directory_exists_wins_over_a_TPM_that_is_also_present()
    {
        DeviceDefinition tpm = Device("tpm", SysfsEncoding.Hex, present: true);
        DeviceDefinition absentTee = Device("arm-cca", SysfsEncoding.Binary, present: false);
        DeviceDefinition tee = Device("tdx", SysfsEncoding.Binary, present: true);

        using MeasurementPlatform platform = MeasurementPlatform.Detect([tpm, absentTee, tee], Path.Combine(_root, "no-tpm-device"));

        Assert.Equal("tdx", platform.Vendor);
        Assert.Equal("rtmr3", platform.Application.Name);
    }

    [Fact]
    public void Without_a_TEE_the_TPM_is_the_platform()
    {
        DeviceDefinition tpm = Device("tpm", SysfsEncoding.Hex, present: true);
        DeviceDefinition absentTee = Device("tdx", SysfsEncoding.Binary, present: false);

        using MeasurementPlatform platform = MeasurementPlatform.Detect([absentTee, tpm], Path.Combine(_root, "no-tpm-device"));

        Assert.Equal("tpm", platform.Vendor);
    }

    [Fact]
    public void Nothing_present_names_every_path_probed_and_the_emulator()
    {
        DeviceDefinition tdx = Device("tdx", SysfsEncoding.Binary, present: false);
        DeviceDefinition tpm = Device("tpm", SysfsEncoding.Hex, present: false);

        var error = Assert.Throws<TsmDeviceNotFoundException>(() => MeasurementPlatform.Detect([tdx, tpm], Path.Combine(_root, "no-tpm-device")));

        Assert.Contains(tdx.SysfsDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains(tpm.SysfsDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains("Emulated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_that_maps_no_roles_is_never_chosen()
    {
        DeviceDefinition withoutRoles = Device("sev-snp", SysfsEncoding.Binary, present: true, roles: false);

        Assert.Throws<TsmDeviceNotFoundException>(() => MeasurementPlatform.Detect([withoutRoles], Path.Combine(_root, "no-tpm-device")));
        Assert.Throws<ArgumentException>(() => MeasurementPlatform.Open(TsmBackend.Emulated().Open(withoutRoles)));
    }

    private DeviceDefinition Device(string vendor, SysfsEncoding encoding, bool present, bool roles = true)
    {
        string directory = Path.Combine(_root, vendor);
        string name = encoding == SysfsEncoding.Hex ? "pcr23" : "rtmr3";
        string file = encoding == SysfsEncoding.Hex ? "pcr-sha256/23" : "rtmr3:sha384";
        MeasurementHash hash = encoding == SysfsEncoding.Hex ? MeasurementHash.Sha256 : MeasurementHash.Sha384;
        int size = MeasurementHashInfo.DigestSize(hash);
        if (present)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, file))!);
            File.WriteAllText(Path.Combine(directory, file), encoding == SysfsEncoding.Hex ? new string('0', 2 * size) + "\n" : new string('\0', size));
        }

        var register = new RegisterDefinition(name, $"{name}:{MeasurementHashInfo.KernelName(hash)}", file, size, hash, RegisterFlags.Readable | RegisterFlags.Extendable)
        {
            Bank = encoding == SysfsEncoding.Hex ? hash : MeasurementHash.None,
            Index = 23,
            ArrayName = encoding == SysfsEncoding.Hex ? "pcr" : null,
        };
        return new DeviceDefinition(vendor, vendor.ToUpperInvariant(), directory, encoding, [register])
        {
            Roles = roles ? [new RoleMapping(MeasurementRole.Application, name)] : [],
        };
    }
}
