using Tsm.Attestation.Cca;
using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>
/// The model's binary attributes follow <c>fs/configfs/file.c</c> and <c>report.c</c>: inblob buffered per open file and
/// stored at close, its limits, one report per generation snapshotted per open file, and a cached report that register
/// extends do not invalidate.
/// </summary>
public sealed class EmulatedConfigfsBlobTests
{
    private readonly EmulatedBackend _backend = TsmBackend.Emulated();

    [Fact]
    public void An_inblob_written_but_not_closed_is_not_yet_stored()
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);
        int handle = ConfigfsFiles.Open(tdx, ConfigfsFiles.Instance, TsmReportAttributes.Inblob, ConfigfsAccess.Write);
        tdx.Write(handle, ConfigfsFiles.Nonce);

        Assert.Equal(-LinuxErrno.EINVAL, tdx.ReadAll(TsmReportAttributes.Outblob).Result);

        tdx.Close(handle);
        Assert.Equal(ConfigfsFiles.Nonce, TdQuote.Parse(tdx.Outblob()).Body.ReportData.ToArray());
    }

    [Fact]
    public void Writes_past_64_bytes_in_total_are_EFBIG_and_the_bytes_before_them_are_still_stored_at_close()
    {
        EmulatedConfigfsTsm cca = ConfigfsModels.Cca();
        int handle = ConfigfsFiles.Open(cca, ConfigfsFiles.Instance, TsmReportAttributes.Inblob, ConfigfsAccess.Write);

        Assert.Equal(40, cca.Write(handle, ConfigfsFiles.Nonce[..40]));
        Assert.Equal(-LinuxErrno.EFBIG, cca.Write(handle, ConfigfsFiles.Nonce[..25]));
        Assert.Equal(24, cca.Write(handle, ConfigfsFiles.Nonce[..24]));
        Assert.Equal(-LinuxErrno.EFBIG, cca.Write(handle, new byte[1]));
        cca.Close(handle);

        byte[] challenge = [.. ConfigfsFiles.Nonce[..40], .. ConfigfsFiles.Nonce[..24]];
        Assert.Equal(challenge, CcaToken.Parse(cca.Outblob()).Realm.Challenge.ToArray());
    }

    [Fact]
    public void A_zero_length_inblob_write_is_EFAULT()
    {
        EmulatedConfigfsTsm cca = ConfigfsModels.Cca();

        Assert.Equal(-LinuxErrno.EFAULT, cca.StoreBytes(TsmReportAttributes.Inblob, []));
    }

    [Fact]
    public void Closing_after_a_refused_write_stores_an_empty_inblob_that_advances_the_generation_and_fails_the_report()
    {
        EmulatedConfigfsTsm cca = ConfigfsModels.Cca();
        cca.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);

        Assert.Equal(-LinuxErrno.EFBIG, cca.StoreBytes(TsmReportAttributes.Inblob, new byte[65]));

        Assert.Equal(2UL, cca.Generation());
        Assert.Equal(-LinuxErrno.EINVAL, cca.ReadAll(TsmReportAttributes.Outblob).Result);
    }

    [Theory]
    [InlineData(TsmReportAttributes.Inblob)]
    [InlineData(TsmReportAttributes.Outblob)]
    [InlineData(TsmReportAttributes.Generation)]
    public void No_attribute_opens_for_reading_and_writing_so_configfs_ETXTBSY_cannot_arise(string attribute) =>
        Assert.Equal(-LinuxErrno.EACCES, ConfigfsModels.Cca().Open(ConfigfsFiles.Instance, attribute, ConfigfsAccess.ReadWrite));

    [Fact]
    public void A_zero_length_read_with_bytes_left_is_EFAULT()
    {
        EmulatedConfigfsTsm cca = ConfigfsModels.Cca();
        cca.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        int handle = ConfigfsFiles.Open(cca, ConfigfsFiles.Instance, TsmReportAttributes.Outblob, ConfigfsAccess.Read);

        Assert.Equal(-LinuxErrno.EFAULT, cca.Read(handle, []));
        Assert.True(cca.ReadToEnd(handle).Result > 0);
        Assert.Equal(0, cca.Read(handle, []));
        cca.Close(handle);
    }

    [Fact]
    public void An_empty_blob_is_not_kept_so_a_later_read_of_the_same_file_asks_again()
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend);
        sev.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        int handle = ConfigfsFiles.Open(sev, ConfigfsFiles.Instance, TsmReportAttributes.Auxblob, ConfigfsAccess.Read);
        Assert.Equal(0, sev.Read(handle, new byte[16]));

        sev.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        Assert.Equal(0, sev.Read(handle, new byte[16]));
        sev.Close(handle);

        Assert.Equal(2, sev.ReportsMade);
    }

    [Fact]
    public void Files_open_across_rmdir_serve_their_snapshot_and_nothing_new()
    {
        EmulatedConfigfsTsm cca = ConfigfsModels.Cca();
        cca.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        int read = ConfigfsFiles.Open(cca, ConfigfsFiles.Instance, TsmReportAttributes.Outblob, ConfigfsAccess.Read);
        int unread = ConfigfsFiles.Open(cca, ConfigfsFiles.Instance, TsmReportAttributes.Outblob, ConfigfsAccess.Read);
        int privlevel = ConfigfsFiles.Open(cca, ConfigfsFiles.Instance, TsmReportAttributes.Privlevel, ConfigfsAccess.Write);
        Assert.Equal(10, cca.Read(read, new byte[10]));

        Assert.Equal(0, cca.RemoveInstance(ConfigfsFiles.Instance));

        Assert.True(cca.ReadToEnd(read).Result > 0);
        Assert.Equal(-LinuxErrno.ENOENT, cca.Read(unread, new byte[10]));
        Assert.Equal(-LinuxErrno.ENOENT, cca.Write(privlevel, "1"u8));
        cca.Close(read);
        cca.Close(unread);
        cca.Close(privlevel);
    }

    [Fact]
    public void Reading_before_any_inblob_is_EINVAL()
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);

        Assert.Equal(-LinuxErrno.EINVAL, tdx.ReadAll(TsmReportAttributes.Outblob).Result);
        Assert.Equal(0, tdx.ReportsMade);
    }

    [Fact]
    public void A_cached_report_survives_rtmr_extends_until_the_generation_changes()
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);
        using Tdx device = Tdx.Open(_backend);
        tdx.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        byte[] before = tdx.Outblob();

        device.Rtmr3.Extend(Sha384Digest.Compute("application"u8));

        Assert.Equal(before, tdx.Outblob());
        tdx.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        Assert.True(TdQuote.Parse(tdx.Outblob()).Body.Rtmr3 == device.Rtmr3.Read());
        Assert.Equal(2, tdx.ReportsMade);
    }

    [Fact]
    public void An_open_file_keeps_the_snapshot_its_first_read_took()
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);
        using Tdx device = Tdx.Open(_backend);
        tdx.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        int handle = ConfigfsFiles.Open(tdx, ConfigfsFiles.Instance, TsmReportAttributes.Outblob, ConfigfsAccess.Read);
        byte[] first = new byte[100];
        Assert.Equal(100, tdx.Read(handle, first));

        device.Rtmr0.Extend(Sha384Digest.Compute("kernel"u8));
        tdx.StoreBytes(TsmReportAttributes.Inblob, new byte[64]);
        byte[] newer = tdx.Outblob();
        (_, byte[] rest) = tdx.ReadToEnd(handle);
        tdx.Close(handle);

        byte[] old = [.. first, .. rest];
        Assert.Equal(ConfigfsFiles.Nonce, TdQuote.Parse(old).Body.ReportData.ToArray());
        Assert.Equal(new byte[64], TdQuote.Parse(newer).Body.ReportData.ToArray());
    }

    [Fact]
    public void Outblob_auxblob_and_manifestblob_come_from_one_report()
    {
        byte[] certificates = [.. Enumerable.Repeat((byte)0xCE, 100)];
        byte[] manifest = [.. Enumerable.Repeat((byte)0x3A, 10)];
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend, vmpl: 1, certificates, manifest);
        sev.Store(TsmReportAttributes.ServiceProvider, "svsm\n");
        sev.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);

        Assert.Equal(1184, sev.Outblob().Length);
        Assert.Equal(certificates, sev.ReadAll(TsmReportAttributes.Auxblob).Bytes);
        Assert.Equal(manifest, sev.ReadAll(TsmReportAttributes.Manifestblob).Bytes);
        Assert.Equal(1, sev.ReportsMade);
    }

    [Fact]
    public void An_empty_auxblob_reads_as_end_of_file()
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend);
        sev.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);

        (int result, byte[] auxblob) = sev.ReadAll(TsmReportAttributes.Auxblob);

        Assert.Equal(0, result);
        Assert.Empty(auxblob);
    }

    [Fact]
    public void A_report_over_32_KiB_is_EFBIG_at_the_first_read()
    {
        var model = new EmulatedConfigfsTsm(new EmulatedCcaGuest(_ => new byte[TsmReportAttributes.OutblobMax + 1]));
        model.CreateInstance(ConfigfsFiles.Instance);
        model.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);

        Assert.Equal(-LinuxErrno.EFBIG, model.ReadAll(TsmReportAttributes.Outblob).Result);
    }

    [Fact]
    public void A_report_refreshes_the_tdx_measurement_files_as_the_shared_tdreport_buffer_does()
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);
        EmulatedDevice device = _backend.Device(Tdx.Definition);
        byte[] mrConfigId = [.. Enumerable.Repeat((byte)0x5C, 48)];
        device.SetPlatformValue("mrconfigid", mrConfigId);
        byte[] cached = new byte[48];
        device.ReadFile("mrconfigid", 0, cached);
        Assert.Equal(new byte[48], cached);

        tdx.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        byte[] quote = tdx.Outblob();

        device.ReadFile("mrconfigid", 0, cached);
        Assert.Equal(mrConfigId, cached);
        Assert.Equal(mrConfigId, TdQuote.Parse(quote).Body.MrConfigId.ToArray());
    }

    [Fact]
    public void A_report_carries_the_platform_values_and_leaves_the_tsm_mr_sync_flag_and_refresh_faults_alone()
    {
        EmulatedConfigfsTsm tdx = ConfigfsModels.Tdx(_backend);
        EmulatedDevice device = _backend.Device(Tdx.Definition);
        using Tdx registers = Tdx.Open(_backend);
        registers.Rtmr1.Extend(Sha384Digest.Compute("bootloader"u8));
        device.FailNextRefresh(LinuxErrno.EIO);

        tdx.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);
        byte[] quote = tdx.Outblob();

        Assert.False(device.IsCacheInSync);
        Assert.Equal(device.PlatformValue("rtmr1"), TdQuote.Parse(quote).Body.Rtmr1.ToArray());
        Assert.Equal(LinuxErrno.EIO, Assert.Throws<MeasurementRegisterIOException>(() => registers.Rtmr1.Read()).Errno);
    }
}
