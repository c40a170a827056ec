using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Emulation;

public class EmulatedTdxTests
{
    [Fact]
    public void Registers_start_at_zero()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());

        Assert.All(tdx.Registers, r => Assert.Equal(new byte[48], r.ReadBytes()));
    }

    [Fact]
    public void Each_extend_is_sha384_of_the_old_value_and_the_data()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());
        byte[] expected = new byte[48];

        for (int i = 0; i < 3; i++)
        {
            byte[] data = Reference.Bytes(48, i);
            tdx.Rtmr2.Extend(data);
            expected = Reference.Extend(HashAlgorithmName.SHA384, expected, data);
        }

        Assert.Equal(expected, tdx.Rtmr2.Read().ToArray());
        Assert.Equal(Sha384Digest.Zero, tdx.Rtmr1.Read());
    }

    [Fact]
    public void Host_set_values_are_seeded_with_SetValue()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        byte[] mrtd = Reference.Bytes(48, 9);
        backend.Device(TdxDevice.Definition).SetValue("mrtd", mrtd);
        backend.Device(TdxDevice.Definition).SetValue("mrconfigid", Reference.Bytes(48, 10));

        using TdxDevice tdx = TdxDevice.Open(backend);

        Assert.Equal(Sha384Digest.FromBytes(mrtd), tdx.MrTd.Read());
        Assert.Equal(Opaque48.FromBytes(Reference.Bytes(48, 10)), tdx.MrConfigId.Read());
    }

    [Fact]
    public void SetValue_checks_the_size()
    {
        EmulatedDevice device = TsmBackend.Emulated().Device(TdxDevice.Definition);

        var error = Assert.Throws<MeasurementSizeArgumentException>(() => device.SetValue("mrtd:sha384", new byte[47]));

        Assert.Equal((48, 47), (error.ExpectedSize, error.ActualSize));
    }

    [Fact]
    public void Two_sessions_on_one_backend_share_the_registers_like_one_machine()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        using TdxDevice first = TdxDevice.Open(backend);
        using TdxDevice second = TdxDevice.Open(backend);
        using TdxDevice elsewhere = TdxDevice.Open(TsmBackend.Emulated());

        first.Rtmr3.Extend(Sha384Digest.Compute("event"u8));

        Assert.Equal(first.Rtmr3.Read(), second.Rtmr3.Read());
        Assert.Equal(Sha384Digest.Zero, elsewhere.Rtmr3.Read());
        Assert.Same(backend.Device(TdxDevice.Definition), backend.Device(TdxDevice.Definition));
    }

    [Fact]
    public void The_session_reports_where_it_is()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());

        Assert.Equal("emulator", tdx.Session.Location);
        Assert.Equal("emulator:/sys/class/misc/tdx_guest/measurements/rtmr3:sha384", tdx.Session.PathOf(tdx.Rtmr3.Definition));
    }

    [Fact]
    public void An_injected_busy_fails_one_extend_leaves_the_value_and_the_retry_succeeds()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        using TdxDevice tdx = TdxDevice.Open(backend);
        backend.Device(TdxDevice.Definition).FailNext("rtmr3:sha384", LinuxErrno.EBUSY);
        Sha384Digest digest = Sha384Digest.Compute("retry me"u8);

        var error = Assert.Throws<MeasurementRegisterBusyException>(() => tdx.Rtmr3.Extend(digest));
        Sha384Digest afterFailure = tdx.Rtmr3.Read();
        tdx.Rtmr3.Extend(digest);

        Assert.Equal(LinuxErrno.EBUSY, error.Errno);
        Assert.Equal("rtmr3:sha384", error.RegisterName);
        Assert.Equal("emulator:/sys/class/misc/tdx_guest/measurements/rtmr3:sha384", error.Path);
        Assert.Contains("retry", error.Message);
        Assert.Equal(Sha384Digest.Zero, afterFailure);
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], digest.ToArray()), tdx.Rtmr3.Read().ToArray());
    }

    [Fact]
    public void Injected_firmware_errors_map_to_their_exception_types()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        using TdxDevice tdx = TdxDevice.Open(backend);
        EmulatedDevice device = backend.Device(TdxDevice.Definition);

        device.FailNext("rtmr0:sha384", LinuxErrno.ENXIO);
        Assert.Equal(LinuxErrno.ENXIO, Assert.Throws<InvalidMeasurementOperandException>(() => tdx.Rtmr0.Extend(Sha384Digest.Zero)).Errno);

        device.FailNextRefresh(LinuxErrno.EIO);
        Assert.Contains("refreshing", Assert.Throws<MeasurementRegisterIOException>(() => tdx.Rtmr0.Read()).Message);

        Assert.Equal(Sha384Digest.Zero, tdx.Rtmr0.Read());
    }

    [Fact]
    public void An_interrupted_extend_is_repeated_because_the_driver_had_not_started()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        using TdxDevice tdx = TdxDevice.Open(backend);
        EmulatedDevice device = backend.Device(TdxDevice.Definition);
        Sha384Digest digest = Sha384Digest.Compute("interrupted"u8);

        device.FailNext("rtmr2:sha384", LinuxErrno.EINTR);
        tdx.Rtmr2.Extend(digest);

        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], digest.ToArray()), tdx.Rtmr2.Read().ToArray());
    }

    [Fact]
    public void An_interrupted_refresh_is_repeated_by_the_typed_read_but_reaches_a_raw_file_read()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        using TdxDevice tdx = TdxDevice.Open(backend);
        EmulatedDevice device = backend.Device(TdxDevice.Definition);

        device.FailNextRefresh(LinuxErrno.EINTR);
        Assert.Equal(Sha384Digest.Zero, tdx.Rtmr1.Read());

        tdx.Rtmr1.Extend(Sha384Digest.Zero);
        device.FailNextRefresh(LinuxErrno.EINTR);
        Assert.Equal(LinuxErrno.EINTR, Assert.Throws<TsmException>(() => device.ReadFile("rtmr1:sha384", 0, new byte[48])).Errno);
    }
}
