using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Emulation;

/// <summary>
/// Reads return tsm-mr's cached copy, refreshed for the whole group only when a live register is read after a
/// successful write (<c>drivers/virt/coco/guest/tsm-mr.c</c> <c>tm_digest_read</c>; <c>include/linux/tsm-mr.h</c>:
/// refresh "is invoked when an MR with TSM_MR_F_LIVE set is being read and the cache is stale").
/// </summary>
public class EmulatedCacheTests
{
    private readonly EmulatedDevice _tdx = TsmBackend.Emulated().Device(TdxDevice.Definition);

    [Fact]
    public void The_cache_starts_stale_and_the_first_live_read_refreshes_it()
    {
        Assert.False(_tdx.IsCacheInSync);

        Read("rtmr0:sha384");

        Assert.True(_tdx.IsCacheInSync);
    }

    [Fact]
    public void A_value_changed_behind_the_abi_stays_hidden_until_a_write_makes_the_cache_stale()
    {
        Read("rtmr0:sha384");
        byte[] behind = Reference.Bytes(48, 40);

        _tdx.SetPlatformValue("rtmr0", behind);
        byte[] stillCached = Read("rtmr0:sha384");
        _tdx.WriteFile("rtmr3:sha384", 0, new byte[48]);
        byte[] refreshed = Read("rtmr0:sha384");

        Assert.Equal(new byte[48], stillCached);
        Assert.Equal(behind, refreshed);
    }

    [Fact]
    public void Rewriting_the_cache_from_the_platform_shows_every_value_and_leaves_in_sync_alone()
    {
        Read("rtmr0:sha384");
        byte[] rtmr0 = Reference.Bytes(48, 41);
        byte[] mrConfigId = Reference.Bytes(48, 42);
        _tdx.SetPlatformValue("rtmr0", rtmr0);
        _tdx.SetPlatformValue("mrconfigid", mrConfigId);

        _tdx.RewriteCacheFromPlatform();

        Assert.True(_tdx.IsCacheInSync);
        Assert.Equal(rtmr0, Read("rtmr0:sha384"));
        Assert.Equal(mrConfigId, Read("mrconfigid"));
    }

    [Fact]
    public void The_platform_value_is_read_without_a_refresh()
    {
        byte[] behind = Reference.Bytes(48, 43);
        _tdx.SetPlatformValue("rtmr1", behind);

        Assert.Equal(behind, _tdx.PlatformValue("rtmr1:sha384"));
        Assert.False(_tdx.IsCacheInSync);
        Assert.Throws<MeasurementRegisterNotFoundException>(() => _tdx.PlatformValue("rtmr9"));
    }

    [Fact]
    public void Non_live_registers_never_refresh_themselves_but_follow_a_refresh_that_a_live_read_triggers()
    {
        Read("rtmr0:sha384");
        byte[] behind = Reference.Bytes(48, 41);
        _tdx.SetPlatformValue("mrtd", behind);
        _tdx.WriteFile("rtmr3:sha384", 0, new byte[48]);

        byte[] beforeLiveRead = Read("mrtd:sha384");
        Read("rtmr1:sha384");
        byte[] afterLiveRead = Read("mrtd:sha384");

        Assert.Equal(new byte[48], beforeLiveRead);
        Assert.Equal(behind, afterLiveRead);
    }

    [Fact]
    public void An_extend_of_a_live_register_shows_at_its_next_read()
    {
        byte[] data = Reference.Bytes(48, 42);

        _tdx.WriteFile("rtmr2:sha384", 0, data);

        Assert.False(_tdx.IsCacheInSync);
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], data), Read("rtmr2:sha384"));
    }

    [Fact]
    public void A_failed_extend_leaves_the_cache_in_sync()
    {
        Read("rtmr0:sha384");
        _tdx.FailNext("rtmr0:sha384", LinuxErrno.EBUSY);

        Assert.Throws<MeasurementRegisterBusyException>(() => _tdx.WriteFile("rtmr0:sha384", 0, new byte[48]));

        Assert.True(_tdx.IsCacheInSync);
    }

    [Fact]
    public void A_failed_refresh_fails_that_read_and_the_next_live_read_of_any_register_retries_it()
    {
        _tdx.SetPlatformValue("rtmr1", Reference.Bytes(48, 43));
        _tdx.FailNextRefresh(LinuxErrno.EBUSY);

        Assert.Throws<MeasurementRegisterBusyException>(() => Read("rtmr0:sha384"));
        Assert.False(_tdx.IsCacheInSync);
        Assert.Equal(Reference.Bytes(48, 43), Read("rtmr1:sha384"));
        Assert.True(_tdx.IsCacheInSync);
    }

    [Fact]
    public void Reads_that_cannot_refresh_never_fail()
    {
        _tdx.FailNextRefresh(LinuxErrno.EIO);

        Assert.Equal(48, _tdx.ReadFile("mrtd:sha384", 0, new byte[48]));
        Assert.Equal(0, _tdx.ReadFile("rtmr0:sha384", 48, new byte[48]));
        Assert.Equal(0, _tdx.ReadFile("rtmr0:sha384", 0, []));
        Assert.Throws<MeasurementRegisterIOException>(() => Read("rtmr0:sha384"));
    }

    [Fact]
    public void Faults_are_only_those_the_kernel_can_produce()
    {
        Assert.Throws<ArgumentException>(() => _tdx.FailNext("mrtd:sha384", LinuxErrno.EIO));
        Assert.Throws<ArgumentOutOfRangeException>(() => _tdx.FailNext("rtmr0:sha384", LinuxErrno.ENOENT));
        Assert.Throws<ArgumentOutOfRangeException>(() => _tdx.FailNextRefresh(LinuxErrno.EACCES));
        Assert.Throws<ArgumentOutOfRangeException>(() => _tdx.FailNextRefresh(0));
        EmulatedDevice snp = TsmBackend.Emulated().Device(new DeviceDefinition("fixed", "Fixed values", "/sys/fixed", SysfsEncoding.Binary,
            [new RegisterDefinition("m", "m:sha384", "m:sha384", 48, MeasurementHash.Sha384, RegisterFlags.Readable)]));
        Assert.Throws<InvalidOperationException>(() => snp.FailNextRefresh(LinuxErrno.EIO));
    }

    [Fact]
    public void An_unprivileged_caller_gets_EACCES_at_open_with_what_to_do_and_can_still_read()
    {
        EmulatedBackend backend = TsmBackend.Emulated(new EmulatorOptions { Unprivileged = true });
        using TdxDevice tdx = TdxDevice.Open(backend);

        var error = Assert.Throws<MeasurementRegisterNotWritableException>(() => tdx.Rtmr3.Extend(Sha384Digest.Zero));
        var emptyWrite = Assert.Throws<MeasurementRegisterNotWritableException>(() => backend.Device(TdxDevice.Definition).WriteFile("rtmr3:sha384", 0, []));

        Assert.Equal(LinuxErrno.EACCES, error.Errno);
        Assert.Contains("Run as root, or grant this user write access", error.Message);
        Assert.Contains("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384", error.Message);
        Assert.Equal(LinuxErrno.EACCES, emptyWrite.Errno);
        Assert.Equal(Sha384Digest.Zero, tdx.Rtmr3.Read());
    }

    [Fact]
    public void Seeding_from_report_fields_sets_the_registers_they_name_and_skips_the_rest()
    {
        byte[] mrtd = Reference.Bytes(48, 44);
        byte[] rtmr2 = Reference.Bytes(48, 45);

        IReadOnlyList<string> seeded = _tdx.SeedFrom(visitor =>
        {
            visitor.Integer("tdattributes", 1);
            visitor.BeginNested("tdinfo", "TdInfo");
            visitor.Bytes("mrtd", mrtd);
            visitor.Bytes("rtmr2", rtmr2);
            visitor.Bytes("reportdata", new byte[64]);
            visitor.Bytes("rtmr3", new byte[32]);
            visitor.EndNested();
            visitor.Bytes("mrtd", new byte[48]);
        });

        Assert.Equal(["mrtd", "rtmr2"], seeded);
        Assert.Equal(mrtd, Read("mrtd:sha384"));
        Assert.Equal(rtmr2, Read("rtmr2:sha384"));
        Assert.Equal(new byte[48], Read("rtmr3:sha384"));
    }

    private byte[] Read(string file)
    {
        byte[] value = new byte[48];
        Assert.Equal(48, _tdx.ReadFile(file, 0, value));
        return value;
    }
}
