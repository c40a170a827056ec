using Tsm.Attestation.Configfs;

namespace Tsm.Attestation.Tests.Configfs;

/// <summary>
/// Which attribute files a provider shows, how the text attributes print and parse, and the instance directory's
/// lifecycle (<c>report.c</c> <c>tsm_report_make_item</c>, the drivers' visibility callbacks).
/// </summary>
public sealed class EmulatedConfigfsAttributeTests
{
    private readonly EmulatedBackend _backend = TsmBackend.Emulated();

    public static TheoryData<string, uint, string[]> Visibility => new()
    {
        { TsmReportProviders.Tdx, 0, ["provider", "generation", "inblob", "outblob"] },
        { TsmReportProviders.Sev, 0, ["provider", "generation", "privlevel", "privlevel_floor", "inblob", "outblob", "auxblob"] },
        { TsmReportProviders.Sev, 2, [.. TsmReportAttributes.All] },
        { TsmReportProviders.Cca, 0, [.. TsmReportAttributes.All] },
    };

    [Theory]
    [MemberData(nameof(Visibility))]
    public void Each_provider_shows_exactly_its_attributes(string provider, uint vmpl, string[] shown)
    {
        EmulatedConfigfsTsm model = provider switch
        {
            TsmReportProviders.Tdx => ConfigfsModels.Tdx(_backend),
            TsmReportProviders.Sev => ConfigfsModels.Sev(_backend, vmpl),
            _ => ConfigfsModels.Cca(),
        };

        string[] visible = [.. TsmReportAttributes.All.Where(a => model.Open(ConfigfsFiles.Instance, a, Access(a)) is int h && h >= 0 && model.Close(h) == 0)];

        Assert.Equal(shown, visible);
        Assert.Equal(-LinuxErrno.ENOENT, model.Open(ConfigfsFiles.Instance, "rtmr0", ConfigfsAccess.Read));
    }

    [Fact]
    public void Mkdir_without_a_registered_provider_is_ENXIO()
    {
        var model = new EmulatedConfigfsTsm(provider: null);

        Assert.Equal(-LinuxErrno.ENXIO, model.CreateInstance("report0"));
        Assert.Empty(model.Instances);
    }

    [Fact]
    public void Instances_are_directories_made_by_mkdir_and_removed_by_rmdir()
    {
        EmulatedConfigfsTsm model = ConfigfsModels.Cca();

        Assert.Equal(-LinuxErrno.EEXIST, model.CreateInstance(ConfigfsFiles.Instance));
        Assert.Equal(["report0"], model.Instances);
        Assert.Equal(0, model.RemoveInstance(ConfigfsFiles.Instance));
        Assert.Equal(-LinuxErrno.ENOENT, model.RemoveInstance(ConfigfsFiles.Instance));
        Assert.Equal(-LinuxErrno.ENOENT, model.Open(ConfigfsFiles.Instance, TsmReportAttributes.Generation, ConfigfsAccess.Read));
    }

    [Fact]
    public void Text_attributes_print_with_a_trailing_newline()
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend, vmpl: 2);

        Assert.Equal("sev_guest\n", sev.Show(TsmReportAttributes.Provider));
        Assert.Equal("2\n", sev.Show(TsmReportAttributes.PrivlevelFloor));
        Assert.Equal("0\n", sev.Show(TsmReportAttributes.Generation));
    }

    [Fact]
    public void Read_only_files_refuse_writers_and_write_only_files_refuse_readers_at_open()
    {
        EmulatedConfigfsTsm cca = ConfigfsModels.Cca();

        Assert.Equal(-LinuxErrno.EACCES, cca.Open(ConfigfsFiles.Instance, TsmReportAttributes.Generation, ConfigfsAccess.Write));
        Assert.Equal(-LinuxErrno.EACCES, cca.Open(ConfigfsFiles.Instance, TsmReportAttributes.Privlevel, ConfigfsAccess.Read));
        Assert.Equal(-LinuxErrno.EACCES, cca.Open(ConfigfsFiles.Instance, TsmReportAttributes.Inblob, ConfigfsAccess.Read));
        Assert.Equal(-LinuxErrno.EACCES, cca.Open(ConfigfsFiles.Instance, TsmReportAttributes.Outblob, ConfigfsAccess.Write));
    }

    [Theory]
    [InlineData("3", 3u)]
    [InlineData("0x3", 3u)]
    [InlineData("03\n", 3u)]
    [InlineData("+2", 2u)]
    [InlineData("0", 0u)]
    public void Privlevel_is_parsed_with_kstrtouint_base_0(string text, uint privlevel)
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend);

        Assert.Equal(text.Length, sev.Store(TsmReportAttributes.Privlevel, text));
        sev.StoreBytes(TsmReportAttributes.Inblob, ConfigfsFiles.Nonce);

        Assert.Equal(privlevel, SnpReport.Parse(sev.Outblob()).Vmpl);
    }

    [Theory]
    [InlineData("08")]
    [InlineData("0x")]
    [InlineData("3\n\n")]
    [InlineData(" 3")]
    public void Privlevel_text_that_kstrtouint_rejects_is_EINVAL(string text)
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend);

        Assert.Equal(-LinuxErrno.EINVAL, sev.Store(TsmReportAttributes.Privlevel, text));
    }

    [Fact]
    public void An_empty_text_write_is_EFAULT_before_any_store()
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend);

        Assert.Equal(-LinuxErrno.EFAULT, sev.Store(TsmReportAttributes.Privlevel, string.Empty));
        Assert.Equal(0UL, sev.Generation());
    }

    [Fact]
    public void Privlevel_below_the_floor_is_EINVAL()
    {
        EmulatedConfigfsTsm sev = ConfigfsModels.Sev(_backend, vmpl: 2);

        Assert.Equal(-LinuxErrno.EINVAL, sev.Store(TsmReportAttributes.Privlevel, "1"));
        Assert.Equal(1, sev.Store(TsmReportAttributes.Privlevel, "2"));
    }

    private static ConfigfsAccess Access(string attribute) =>
        attribute is TsmReportAttributes.Provider or TsmReportAttributes.Generation or TsmReportAttributes.PrivlevelFloor
            or TsmReportAttributes.Outblob or TsmReportAttributes.Auxblob or TsmReportAttributes.Manifestblob
            ? ConfigfsAccess.Read
            : ConfigfsAccess.Write;
}
