using System.Runtime.Versioning;

namespace Tsm.Runtime.Tests.Sysfs;

/// <summary>The sysfs backend on a directory laid out exactly like /sys/class/misc/tdx_guest/measurements.</summary>
[SupportedOSPlatform("linux")]
public sealed class SysfsBinaryTests : IDisposable
{
    private readonly TemporarySysfsDirectory _directory = TemporarySysfsDirectory.LikeTdx();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Typed_reads_return_the_bytes_of_each_file()
    {
        using TdxDevice tdx = Open();

        Assert.Equal(_directory.Read("mrtd:sha384"), tdx.MrTd.Read().ToArray());
        Assert.Equal(_directory.Read("mrownerconfig"), tdx.MrOwnerConfig.Read().ToArray());
        Assert.All(tdx.Registers, r => Assert.Equal(_directory.Read(r.Definition.FileName), r.ReadBytes()));
    }

    [Fact]
    public void An_extend_writes_exactly_the_48_data_bytes_at_offset_0()
    {
        byte[] longer = Reference.Bytes(60, 20);
        _directory.Write("rtmr3:sha384", longer);
        using TdxDevice tdx = Open();
        Sha384Digest digest = Sha384Digest.Compute("measured"u8);

        tdx.Rtmr3.Extend(digest);

        byte[] file = _directory.Read("rtmr3:sha384");
        Assert.Equal(60, file.Length);
        Assert.Equal(digest.ToArray(), file[..48]);
        Assert.Equal(longer[48..], file[48..]);
    }

    [Fact]
    public void A_wrong_size_extend_is_rejected_before_the_file_is_touched()
    {
        byte[] before = _directory.Read("rtmr2:sha384");
        using TdxDevice tdx = Open();

        var error = Assert.Throws<MeasurementSizeArgumentException>(() => tdx.Rtmr2.Extend(new byte[47]));

        Assert.Equal(before, _directory.Read("rtmr2:sha384"));
        Assert.Contains(_directory.PathOf("rtmr2:sha384"), error.Message, StringComparison.Ordinal);
        Assert.Equal("data", error.ParamName);
    }

    [Fact]
    public void A_wrong_size_extend_does_not_even_open_the_file()
    {
        // A directory in place of the file makes any open for writing fail with EISDIR; the size error shows
        // that the check came first.
        File.Delete(_directory.PathOf("rtmr1:sha384"));
        Directory.CreateDirectory(_directory.PathOf("rtmr1:sha384"));
        using TdxDevice tdx = Open();

        Assert.Throws<MeasurementSizeArgumentException>(() => tdx.Rtmr1.Extend(new byte[49]));
    }

    [Fact]
    public void Extending_a_fixed_register_is_refused_without_io()
    {
        byte[] before = _directory.Read("mrtd:sha384");
        using TdxDevice tdx = Open();

        Assert.Throws<MeasurementRegisterNotWritableException>(() => tdx.Register("mrtd").Extend(new byte[48]));

        Assert.Equal(before, _directory.Read("mrtd:sha384"));
    }

    [Fact]
    public void A_missing_file_is_register_not_found_with_its_path()
    {
        File.Delete(_directory.PathOf("rtmr0:sha384"));
        using TdxDevice tdx = Open();

        var error = Assert.Throws<MeasurementRegisterNotFoundException>(() => tdx.Rtmr0.Read());

        Assert.Equal(LinuxErrno.ENOENT, error.Errno);
        Assert.Equal(_directory.PathOf("rtmr0:sha384"), error.Path);
        Assert.Contains(_directory.PathOf("rtmr0:sha384"), error.Message);
        Assert.Contains("6.16", error.Message);
    }

    [Fact]
    public void A_file_that_cannot_be_opened_for_writing_is_not_writable()
    {
        File.SetUnixFileMode(_directory.PathOf("rtmr0:sha384"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using TdxDevice tdx = Open();

        if (Environment.IsPrivilegedProcess)
        {
            // Root bypasses file modes on ordinary files (only kernfs refuses writes to 0444 attributes), so the
            // 0444 file is writable here; the EACCES path is covered by the emulator and by unprivileged runs.
            tdx.Rtmr0.Extend(Sha384Digest.Zero);
            Assert.Equal(new byte[48], _directory.Read("rtmr0:sha384"));
            return;
        }

        var error = Assert.Throws<MeasurementRegisterNotWritableException>(() => tdx.Rtmr0.Extend(Sha384Digest.Zero));
        Assert.Equal(LinuxErrno.EACCES, error.Errno);
        Assert.Contains("root", error.Message);
    }

    [Fact]
    public void A_directory_in_place_of_a_register_file_reports_the_errno_and_path()
    {
        File.Delete(_directory.PathOf("rtmr2:sha384"));
        Directory.CreateDirectory(_directory.PathOf("rtmr2:sha384"));
        using TdxDevice tdx = Open();

        var write = Assert.Throws<TsmException>(() => tdx.Rtmr2.Extend(Sha384Digest.Zero));
        var read = Assert.Throws<TsmException>(() => tdx.Rtmr2.Read());

        Assert.Equal(LinuxErrno.EISDIR, write.Errno);
        Assert.Equal(LinuxErrno.EISDIR, read.Errno);
        Assert.Contains(_directory.PathOf("rtmr2:sha384"), write.Message);
        Assert.Contains("EISDIR", read.Message);
        Assert.Equal("rtmr2:sha384", read.RegisterName);
    }

    [Fact]
    public void A_file_shorter_than_the_register_is_a_size_error_naming_the_file_and_both_sizes()
    {
        _directory.Write("mrowner", new byte[10]);
        using TdxDevice tdx = Open();

        var error = Assert.Throws<InvalidMeasurementSizeException>(() => tdx.MrOwner.Read());

        Assert.Equal((48, 10), (error.ExpectedSize, error.ActualSize));
        Assert.Contains(_directory.PathOf("mrowner"), error.Message);
        Assert.Contains("10 bytes", error.Message);
        Assert.Contains("48 bytes", error.Message);
    }

    [Fact]
    public void The_session_is_located_at_the_directory()
    {
        using TdxDevice tdx = Open();

        Assert.Equal(_directory.Path, tdx.Session.Location);
        Assert.Equal(_directory.PathOf("mrconfigid"), tdx.Session.PathOf(tdx.MrConfigId.Definition));
    }

    [Fact]
    public void Hash_choice_registers_take_the_hash_whose_file_exists()
    {
        using var cca = new TemporarySysfsDirectory();
        cca.Write("rim:sha512", Reference.Bytes(64, 21));
        cca.Write("rem0:sha512", Reference.Bytes(64, 22));
        using MeasurementSession session = TsmBackend.Sysfs(cca.Path).Open(CcaLike.Definition);
        var rim = new AgileReadOnlyRegister(session, CcaLike.Definition.Find("rim"));
        var rem0 = new AgileExtendableRegister(session, CcaLike.Definition.Find("rem0"));
        var rem1 = new AgileExtendableRegister(session, CcaLike.Definition.Find("rem1"));

        rem0.Extend(AgileDigest.Compute(MeasurementHash.Sha512, "x"u8));

        Assert.Equal(new AgileDigest(MeasurementHash.Sha512, Reference.Bytes(64, 21)), rim.Read());
        Assert.Equal("rem0:sha512", rem0.QualifiedName);
        Assert.Equal(AgileDigest.Compute(MeasurementHash.Sha512, "x"u8).ToArray(), cca.Read("rem0:sha512"));
        Assert.Contains("rem1:sha256, rem1:sha384, rem1:sha512", Assert.Throws<MeasurementRegisterNotFoundException>(() => rem1.Read()).Message);
    }

    private TdxDevice Open() => TdxDevice.Open(TsmBackend.Sysfs(_directory.Path));
}
