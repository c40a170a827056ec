namespace Tsm.Runtime.Tests.Registers;

public class DeviceDefinitionTests
{
    private static readonly DeviceDefinition Tdx = TdxDevice.Definition;

    [Theory]
    [InlineData("rtmr3")]
    [InlineData("rtmr3:sha384")]
    public void Find_accepts_the_name_or_the_qualified_name(string name) =>
        Assert.Equal("rtmr3:sha384", Tdx.Find(name).QualifiedName);

    [Fact]
    public void Find_accepts_file_names_that_differ_from_the_qualified_name()
    {
        Assert.Equal("pcr7:sha256", TpmLike.Definition.Find("pcr-sha256/7").QualifiedName);
        Assert.Equal("mrconfigid", Tdx.Find("mrconfigid").FileName);
    }

    [Fact]
    public void An_unknown_name_lists_the_valid_names()
    {
        var error = Assert.Throws<MeasurementRegisterNotFoundException>(() => Tdx.Find("rtmr4"));

        Assert.Equal("rtmr4", error.RegisterName);
        Assert.Contains("'rtmr4'", error.Message);
        Assert.Contains("rtmr0, rtmr1, rtmr2, rtmr3, mrtd, mrconfigid, mrowner, mrownerconfig", error.Message);
        Assert.False(Tdx.TryFind("rtmr4", out _));
    }

    [Fact]
    public void A_bare_name_shared_by_several_hashes_is_ambiguous_and_the_error_says_to_use_name_hash()
    {
        var error = Assert.Throws<MeasurementRegisterNotFoundException>(() => KernelSample.Definition.Find("rtmr_crypto_agile"));

        Assert.Contains("'name:hash'", error.Message);
        Assert.Contains("rtmr_crypto_agile:sha256, rtmr_crypto_agile:sha384", error.Message);
        Assert.False(KernelSample.Definition.TryFind("rtmr_crypto_agile", out _));
        Assert.Equal(48, KernelSample.Definition.Find("rtmr_crypto_agile:sha384").Size);
    }

    [Fact]
    public void A_hash_choice_register_is_found_by_name_or_by_any_of_its_choices()
    {
        Assert.Equal("rem0", CcaLike.Definition.Find("rem0").Name);
        Assert.Equal("rem0", CcaLike.Definition.Find("rem0:sha512").Name);
        Assert.False(CcaLike.Definition.TryFind("rem0:sha1", out _));
    }

    [Fact]
    public void Flags_read_as_properties()
    {
        RegisterDefinition rtmr = Tdx.Find("rtmr0");
        RegisterDefinition mrowner = Tdx.Find("mrowner");

        Assert.True(rtmr.IsReadable && rtmr.IsExtendable && rtmr.IsLive && rtmr.HasHash);
        Assert.Equal(10, (int)(rtmr.Flags & ~RegisterFlags.Readable));
        Assert.True(mrowner.IsReadable && !mrowner.IsExtendable && !mrowner.IsLive && !mrowner.HasHash);
    }

    [Fact]
    public void Duplicate_qualified_names_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Device(Sha256("a", "a:sha256", "one"), Sha256("a", "a:sha256", "two")));
        Assert.Contains("'a:sha256'", error.Message);
    }

    [Fact]
    public void Duplicate_file_names_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Device(Sha256("a", "a:sha256", "same"), Sha256("b", "b:sha256", "same")));
        Assert.Contains("'same'", error.Message);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../rtmr0:sha384")]
    [InlineData("pcr-sha256/../../x")]
    [InlineData("a//b")]
    public void File_names_must_stay_inside_the_device_directory(string fileName) =>
        Assert.Throws<ArgumentException>(() => Sha256("a", "a:sha256", fileName));

    [Fact]
    public void An_alias_needs_an_existing_target_of_the_same_size()
    {
        var missing = Assert.Throws<ArgumentException>(() => Device(
            new RegisterDefinition("a", "a:sha256", "a", 32, MeasurementHash.Sha256, RegisterFlags.Readable) { AliasOf = "nope" }));
        Assert.Contains("'nope'", missing.Message);

        var sizes = Assert.Throws<ArgumentException>(() => Device(
            Sha256("a", "a:sha256", "a"),
            new RegisterDefinition("b", "b:sha384", "b", 48, MeasurementHash.Sha384, RegisterFlags.Readable) { AliasOf = "a" }));
        Assert.Contains("sizes must match", sizes.Message);
    }

    [Fact]
    public void A_refresh_rule_needs_existing_sources_and_a_live_register()
    {
        var source = Assert.Throws<ArgumentException>(() => Device(
            Sha256("a", "a:sha256", "a"),
            Derived(RegisterFlags.Readable | RegisterFlags.Live, "a", "missing")));
        Assert.Contains("'missing'", source.Message);

        var notLive = Assert.Throws<ArgumentException>(() => Device(
            Sha256("a", "a:sha256", "a"),
            Derived(RegisterFlags.Readable, "a")));
        Assert.Contains("not Live", notLive.Message);
    }

    [Fact]
    public void The_size_must_match_the_hash()
    {
        var error = Assert.Throws<ArgumentException>(() => Device(new RegisterDefinition("a", "a:sha384", "a", 32, MeasurementHash.Sha384, RegisterFlags.Readable)));
        Assert.Contains("48", error.Message);
    }

    [Fact]
    public void Hash_choice_registers_are_sized_for_the_largest_choice()
    {
        var error = Assert.Throws<ArgumentException>(() => Device(
            new RegisterDefinition("rem0", "rem0:{hash}", "rem0:{hash}", 32, MeasurementHash.None, RegisterFlags.Readable)
            {
                HashChoices = [MeasurementHash.Sha256, MeasurementHash.Sha512],
            }));
        Assert.Contains("largest hash choice is 64", error.Message);
    }

    private static DeviceDefinition Device(params RegisterDefinition[] registers) =>
        new("test", "Test device", "/sys/test", SysfsEncoding.Binary, registers);

    private static RegisterDefinition Derived(RegisterFlags flags, params string[] sources) =>
        new("d", "d:sha256", "d", 32, MeasurementHash.Sha256, flags) { Refresh = new RefreshRule(MeasurementHash.Sha256, sources) };

    private static RegisterDefinition Sha256(string name, string qualified, string file, RegisterFlags flags = RegisterFlags.Readable) =>
        new(name, qualified, file, 32, MeasurementHash.Sha256, flags);
}
