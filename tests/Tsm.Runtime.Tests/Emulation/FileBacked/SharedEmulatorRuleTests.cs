using System.Security.Cryptography;
using System.Text;

namespace Tsm.Runtime.Tests.Emulation.FileBacked;

/// <summary>
/// The rules that matter, checked on both emulators: the state file changes where the state lives, never what the
/// kernel does (<c>fs/sysfs/file.c</c>, <c>drivers/virt/coco/guest/tsm-mr.c</c>, <c>samples/tsm-mr/tsm_mr_sample.c</c>,
/// <c>drivers/char/tpm/tpm-sysfs.c</c>).
/// </summary>
public class SharedEmulatorRuleTests
{
    public static TheoryData<string> Both => Emulators.Both;

    [Theory]
    [MemberData(nameof(Both))]
    public void Wrong_sizes_fail_as_sysfs_and_tsm_mr_say_and_change_nothing(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        DeviceDefinition tdx = TdxDevice.Definition;

        Assert.Equal(LinuxErrno.EINVAL, Assert.Throws<InvalidMeasurementSizeException>(() => emulator.Use(tdx, d => d.WriteFile("rtmr0:sha384", 0, new byte[47]))).Errno);
        Assert.Equal(LinuxErrno.EINVAL, Assert.Throws<InvalidMeasurementSizeException>(() => emulator.Use(tdx, d => d.WriteFile("rtmr0:sha384", 1, new byte[47]))).Errno);
        Assert.Equal(LinuxErrno.EFBIG, Assert.Throws<TsmException>(() => emulator.Use(tdx, d => d.WriteFile("rtmr0:sha384", 48, []))).Errno);
        Assert.Equal(new byte[48], emulator.ReadFile(tdx, "rtmr0:sha384", 48));

        Assert.Equal(0, emulator.Use(tdx, d => d.WriteFile("rtmr0:sha384", 0, [])));
        Assert.True(emulator.Use(tdx, d => d.IsCacheInSync), "an empty write never reaches tsm-mr");

        byte[] data = Reference.Bytes(60, 12);
        Assert.Equal(48, emulator.Use(tdx, d => d.WriteFile("rtmr0:sha384", 0, data)));
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], data[..48]), emulator.ReadFile(tdx, "rtmr0:sha384", 48));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void The_typed_api_checks_the_size_before_any_io(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        using TdxDevice tdx = TdxDevice.Open(emulator.Backend);

        var error = Assert.Throws<MeasurementSizeArgumentException>(() => tdx.Session.Extend(TdxDevice.Definition.Registers[3], new byte[32]));

        Assert.Equal(48, error.ExpectedSize);
        Assert.Equal(new byte[48], tdx.Rtmr3.Read().ToArray());
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Files_without_the_permission_are_EACCES_and_an_unprivileged_caller_cannot_write(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        var writeOnly = new DeviceDefinition("wo", "Write-only driver", "/sys/wo", SysfsEncoding.Binary,
        [
            new RegisterDefinition("sink", "sink:sha256", "sink:sha256", 32, MeasurementHash.Sha256, RegisterFlags.Extendable),
        ]);

        var readOnly = Assert.Throws<MeasurementRegisterNotWritableException>(() => emulator.Use(TdxDevice.Definition, d => d.WriteFile("mrtd:sha384", 0, new byte[48])));
        Assert.Equal(LinuxErrno.EACCES, readOnly.Errno);
        Assert.Contains("emulator:/sys/class/misc/tdx_guest/measurements/mrtd:sha384", readOnly.Message);
        Assert.Equal(LinuxErrno.EACCES, Assert.Throws<MeasurementRegisterNotReadableException>(() => emulator.Use(writeOnly, d => d.ReadFile("sink:sha256", 0, new byte[32]))).Errno);

        using Emulators unprivileged = Emulators.Create(kind, new EmulatorOptions { Unprivileged = true });
        using TdxDevice tdx = TdxDevice.Open(unprivileged.Backend);
        Assert.Equal(LinuxErrno.EACCES, Assert.Throws<MeasurementRegisterNotWritableException>(() => tdx.Rtmr0.Extend(new byte[48])).Errno);
        Assert.Equal(new byte[48], tdx.Rtmr0.Read().ToArray());
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void The_group_cache_hides_a_platform_change_until_a_write_and_a_live_read_refresh_it(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        DeviceDefinition tdx = TdxDevice.Definition;
        byte[] behind = Reference.Bytes(48, 40);
        byte[] mrtd = Reference.Bytes(48, 41);

        Assert.False(emulator.Use(tdx, d => d.IsCacheInSync));
        emulator.ReadFile(tdx, "rtmr0:sha384", 48);
        Assert.True(emulator.Use(tdx, d => d.IsCacheInSync));
        emulator.Use(tdx, d =>
        {
            d.SetPlatformValue("rtmr0", behind);
            d.SetPlatformValue("mrtd", mrtd);
        });
        byte[] stillCached = emulator.ReadFile(tdx, "rtmr0:sha384", 48);
        emulator.Use(tdx, d => d.WriteFile("rtmr3:sha384", 0, new byte[48]));
        byte[] mrtdBeforeLiveRead = emulator.ReadFile(tdx, "mrtd:sha384", 48);
        byte[] refreshed = emulator.ReadFile(tdx, "rtmr0:sha384", 48);

        Assert.Equal(new byte[48], stillCached);
        Assert.Equal(new byte[48], mrtdBeforeLiveRead);
        Assert.Equal(behind, refreshed);
        Assert.Equal(mrtd, emulator.ReadFile(tdx, "mrtd:sha384", 48));
        Assert.Equal(behind, emulator.Use(tdx, d => d.PlatformValue("rtmr0")));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Injected_faults_fail_one_call_and_the_next_one_works(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        using TdxDevice tdx = TdxDevice.Open(emulator.Backend);
        byte[] data = Reference.Bytes(48, 3);

        emulator.Use(TdxDevice.Definition, d => d.FailNext("rtmr2:sha384", LinuxErrno.EIO));
        Assert.IsType<MeasurementRegisterIOException>(Assert.ThrowsAny<TsmException>(() => tdx.Rtmr2.Extend(data)));
        tdx.Rtmr2.Extend(data);
        emulator.Use(TdxDevice.Definition, d => d.FailNext("rtmr2:sha384", LinuxErrno.EINTR));
        tdx.Rtmr2.Extend(data);

        emulator.Use(TdxDevice.Definition, d => d.FailNextRefresh(LinuxErrno.EBUSY));
        Assert.Equal(LinuxErrno.EBUSY, Assert.ThrowsAny<TsmException>(() => tdx.Rtmr2.Read()).Errno);
        Assert.False(emulator.Use(TdxDevice.Definition, d => d.IsCacheInSync));

        byte[] once = Reference.Extend(HashAlgorithmName.SHA384, new byte[48], data);
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, once, data), tdx.Rtmr2.Read().ToArray());
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Aliases_share_their_targets_storage_and_the_derived_digest_follows(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        DeviceDefinition sample = KernelSample.Definition;
        byte[] data = Reference.Bytes(32, 15);

        emulator.Use(sample, d => d.WriteFile("rtmr_crypto_agile:sha256", 0, data));

        byte[] expected = Reference.Extend(HashAlgorithmName.SHA256, KernelSample.NamePadded("rtmr0", 32), data);
        Assert.Equal(expected, emulator.ReadFile(sample, "rtmr0:sha256", 32));
        Assert.Equal(expected, emulator.ReadFile(sample, "rtmr_crypto_agile:sha256", 32));
        Assert.Equal(
            Reference.Hash(
                HashAlgorithmName.SHA512,
                KernelSample.NamePadded("static_mr", 48),
                KernelSample.NamePadded("config_mr", 64),
                expected,
                KernelSample.NamePadded("rtmr1", 48)),
            emulator.ReadFile(sample, "report_digest:sha512", 64));
        Assert.Throws<InvalidOperationException>(() => emulator.Use(sample, d => d.SetValue("report_digest", new byte[64])));
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void A_tpm_pcr_file_is_read_only_uppercase_hex_text_and_an_extend_changes_one_bank(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        using GenericDevice tpm = GenericDevice.Open(TpmLike.Definition, emulator.Backend);
        byte[] digest = SHA256.HashData("boot component"u8);
        byte[] text = new byte[100];

        int length = emulator.Use(TpmLike.Definition, d => d.ReadFile("pcr-sha256/17", 0, text));
        tpm.Register("pcr7:sha256").Extend(digest);

        Assert.Equal(new string('F', 64) + "\n", Encoding.ASCII.GetString(text, 0, length));
        Assert.Equal(LinuxErrno.EACCES, Assert.Throws<MeasurementRegisterNotWritableException>(() => emulator.Use(TpmLike.Definition, d => d.WriteFile("pcr-sha256/7", 0, new byte[32]))).Errno);
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA256, new byte[32], digest), tpm.Register("pcr-sha256/7").ReadBytes());
        Assert.Equal(new byte[20], tpm.Register("pcr7:sha1").ReadBytes());
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Extend_all_extends_every_bank_with_its_own_digest(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        using MeasurementSession session = emulator.Backend.Open(TpmLike.Definition);
        RegisterDefinition[] pcr7 = [TpmLike.Definition.Find("pcr7:sha1"), TpmLike.Definition.Find("pcr7:sha256")];
        AgileDigest[] digests = [AgileDigest.Compute(MeasurementHash.Sha1, "event"u8), AgileDigest.Compute(MeasurementHash.Sha256, "event"u8)];

        session.ExtendAll(pcr7, digests);

        byte[] sha1 = new byte[20];
        byte[] sha256 = new byte[32];
        session.Read(pcr7[0], sha1);
        session.Read(pcr7[1], sha256);
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA1, new byte[20], digests[0].ToArray()), sha1);
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA256, new byte[32], digests[1].ToArray()), sha256);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void The_selected_hash_names_the_files_and_sizes_the_values(string kind)
    {
        using Emulators emulator = Emulators.Create(kind, new EmulatorOptions { SelectedHash = MeasurementHash.Sha512 });
        using MeasurementSession session = emulator.Backend.Open(CcaLike.Definition);
        var rem1 = new AgileExtendableRegister(session, CcaLike.Definition.Find("rem1"));
        AgileDigest digest = AgileDigest.Compute(MeasurementHash.Sha512, "realm event"u8);

        rem1.Extend(digest);

        Assert.Equal(["rim:sha512", "rem0:sha512", "rem1:sha512"], emulator.Use(CcaLike.Definition, d => d.Files));
        Assert.Equal("rem1:sha512", session.QualifiedNameOf(rem1.Definition));
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA512, new byte[64], digest.ToArray()), rem1.Read().ToArray());
    }

    [Theory]
    [MemberData(nameof(Both))]
    public void Seeding_sets_the_platform_and_the_cache_so_reads_show_it_at_once(string kind)
    {
        using Emulators emulator = Emulators.Create(kind);
        using TdxDevice tdx = TdxDevice.Open(emulator.Backend);
        byte[] mrtd = Reference.Bytes(48, 11);

        emulator.Use(TdxDevice.Definition, d => d.SetValue("mrtd", mrtd));

        Assert.Equal(mrtd, tdx.MrTd.Read().ToArray());
        byte[] tail = new byte[16];
        Assert.Equal(8, emulator.Use(TdxDevice.Definition, d => d.ReadFile("mrtd:sha384", 40, tail)));
        Assert.Equal(mrtd[40..], tail[..8]);
    }
}
