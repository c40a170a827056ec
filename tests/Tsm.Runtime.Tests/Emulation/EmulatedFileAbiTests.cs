using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Emulation;

/// <summary>
/// The emulator's files follow sysfs and tsm-mr rule for rule (<c>fs/sysfs/file.c</c>, <c>drivers/virt/coco/guest/tsm-mr.c</c>).
/// </summary>
public class EmulatedFileAbiTests
{
    private readonly EmulatedDevice _tdx = TsmBackend.Emulated().Device(TdxDevice.Definition);

    [Fact]
    public void The_files_are_the_kernel_attribute_names_in_order()
    {
        Assert.Equal(
            ["rtmr0:sha384", "rtmr1:sha384", "rtmr2:sha384", "rtmr3:sha384", "mrtd:sha384", "mrconfigid", "mrowner", "mrownerconfig"],
            _tdx.Files);
    }

    [Fact]
    public void Reads_at_an_offset_return_the_rest_of_the_value_and_nothing_past_the_end()
    {
        byte[] mrtd = Reference.Bytes(48, 11);
        _tdx.SetValue("mrtd", mrtd);
        byte[] buffer = new byte[16];

        Assert.Equal(8, _tdx.ReadFile("mrtd:sha384", 40, buffer));
        Assert.Equal(mrtd[40..], buffer[..8]);
        Assert.Equal(0, _tdx.ReadFile("mrtd:sha384", 48, buffer));
        Assert.Equal(0, _tdx.ReadFile("mrtd:sha384", 4096, buffer));
        Assert.Equal(LinuxErrno.EINVAL, Assert.Throws<TsmException>(() => _tdx.ReadFile("mrtd:sha384", -1, buffer)).Errno);
    }

    [Fact]
    public void An_unknown_file_is_ENOENT()
    {
        var error = Assert.Throws<MeasurementRegisterNotFoundException>(() => _tdx.WriteFile("rtmr4:sha384", 0, new byte[48]));

        Assert.Equal(LinuxErrno.ENOENT, error.Errno);
        Assert.Contains("rtmr0:sha384, rtmr1:sha384", error.Message);
        Assert.Equal(LinuxErrno.ENOENT, Assert.Throws<MeasurementRegisterNotFoundException>(() => _tdx.ReadFile("nope", 0, new byte[48])).Errno);
    }

    [Fact]
    public void Writing_a_register_without_the_writable_flag_is_EACCES()
    {
        var error = Assert.Throws<MeasurementRegisterNotWritableException>(() => _tdx.WriteFile("mrtd:sha384", 0, new byte[48]));

        Assert.Equal(LinuxErrno.EACCES, error.Errno);
        Assert.Contains("emulator:/sys/class/misc/tdx_guest/measurements/mrtd:sha384", error.Message);
    }

    [Theory]
    [InlineData(48)]
    [InlineData(4096)]
    public void Writing_at_or_past_the_end_is_EFBIG(long offset) =>
        Assert.Equal(LinuxErrno.EFBIG, Assert.Throws<TsmException>(() => _tdx.WriteFile("rtmr0:sha384", offset, new byte[48])).Errno);

    [Theory]
    [InlineData(1, 47)]
    [InlineData(1, 1)]
    [InlineData(47, 1)]
    [InlineData(47, 48)]
    public void A_write_with_data_at_an_offset_inside_the_register_is_EINVAL(long offset, int length)
    {
        var error = Assert.Throws<InvalidMeasurementSizeException>(() => _tdx.WriteFile("rtmr0:sha384", offset, new byte[length]));

        Assert.Equal(LinuxErrno.EINVAL, error.Errno);
        Assert.Contains("exactly 48 bytes at offset 0", error.Message);
        Assert.Equal(new byte[48], ReadFile("rtmr0:sha384", 48));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(47)]
    public void An_empty_write_inside_the_register_returns_0_and_extends_nothing(long offset)
    {
        ReadFile("rtmr0:sha384", 48);

        Assert.Equal(0, _tdx.WriteFile("rtmr0:sha384", offset, []));

        Assert.True(_tdx.IsCacheInSync, "an empty write never reaches tsm-mr, so it does not mark the cache stale");
        Assert.Equal(new byte[48], ReadFile("rtmr0:sha384", 48));
    }

    [Fact]
    public void An_empty_write_at_the_end_is_still_EFBIG_because_sysfs_checks_the_offset_first() =>
        Assert.Equal(LinuxErrno.EFBIG, Assert.Throws<TsmException>(() => _tdx.WriteFile("rtmr0:sha384", 48, [])).Errno);

    [Fact]
    public void An_empty_write_to_a_register_without_write_permission_is_still_EACCES_at_open() =>
        Assert.Equal(LinuxErrno.EACCES, Assert.Throws<MeasurementRegisterNotWritableException>(() => _tdx.WriteFile("mrtd:sha384", 0, [])).Errno);

    [Theory]
    [InlineData(1)]
    [InlineData(47)]
    public void A_write_shorter_than_the_register_is_EINVAL_and_changes_nothing(int length)
    {
        Assert.Equal(LinuxErrno.EINVAL, Assert.Throws<InvalidMeasurementSizeException>(() => _tdx.WriteFile("rtmr0:sha384", 0, new byte[length])).Errno);

        Assert.Equal(new byte[48], ReadFile("rtmr0:sha384", 48));
    }

    [Fact]
    public void A_write_longer_than_the_register_is_truncated_to_the_register_size_and_accepted()
    {
        byte[] data = Reference.Bytes(60, 12);

        int written = _tdx.WriteFile("rtmr0:sha384", 0, data);

        Assert.Equal(48, written);
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], data[..48]), ReadFile("rtmr0:sha384", 48));
    }

    [Fact]
    public void An_exact_write_extends_and_returns_the_register_size()
    {
        byte[] data = Reference.Bytes(48, 13);

        Assert.Equal(48, _tdx.WriteFile("rtmr1:sha384", 0, data));
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], data), ReadFile("rtmr1:sha384", 48));
    }

    [Fact]
    public void Extending_a_writable_register_without_a_usable_hash_is_EOPNOTSUPP()
    {
        const RegisterFlags Writable = RegisterFlags.Readable | RegisterFlags.Extendable;
        var definition = new DeviceDefinition("odd", "Odd driver", "/sys/odd", SysfsEncoding.Binary,
        [
            new RegisterDefinition("blob", "blob", "blob", 16, MeasurementHash.None, Writable | RegisterFlags.NoHash),
            new RegisterDefinition("sm", "sm:sm3", "sm:sm3", 32, MeasurementHash.Sm3, Writable),
        ]);
        EmulatedDevice device = TsmBackend.Emulated().Device(definition);

        Assert.Equal(LinuxErrno.EOPNOTSUPP, Assert.Throws<TsmException>(() => device.WriteFile("blob", 0, new byte[16])).Errno);
        Assert.Equal(LinuxErrno.EOPNOTSUPP, Assert.Throws<TsmException>(() => device.WriteFile("sm:sm3", 0, new byte[32])).Errno);
    }

    [Fact]
    public void Reading_a_register_without_the_readable_flag_is_EACCES()
    {
        var definition = new DeviceDefinition("wo", "Write-only driver", "/sys/wo", SysfsEncoding.Binary,
        [
            new RegisterDefinition("sink", "sink:sha256", "sink:sha256", 32, MeasurementHash.Sha256, RegisterFlags.Extendable),
        ]);
        EmulatedDevice device = TsmBackend.Emulated().Device(definition);

        Assert.Equal(32, device.WriteFile("sink:sha256", 0, new byte[32]));
        Assert.Equal(LinuxErrno.EACCES, Assert.Throws<MeasurementRegisterNotReadableException>(() => device.ReadFile("sink:sha256", 0, new byte[32])).Errno);
    }

    [Fact]
    public void The_typed_extend_and_the_file_write_are_the_same_operation()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        using TdxDevice tdx = TdxDevice.Open(backend);
        byte[] data = Reference.Bytes(48, 14);

        tdx.Rtmr2.Extend(data);
        backend.Device(TdxDevice.Definition).WriteFile("rtmr3:sha384", 0, data);

        Assert.Equal(tdx.Rtmr2.Read(), tdx.Rtmr3.Read());
    }

    private byte[] ReadFile(string fileName, int size)
    {
        byte[] value = new byte[size];
        Assert.Equal(size, _tdx.ReadFile(fileName, 0, value));
        return value;
    }
}
