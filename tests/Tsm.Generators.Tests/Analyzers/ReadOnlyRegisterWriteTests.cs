using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// TSM1001: extending a register the schema does not flag <c>extendable</c>, through the typed API (alongside the
/// compiler's CS1061, on the same span), by name or position through <c>IMeasurementRegister</c>, or by writing its
/// kernel file.
/// </summary>
public sealed class ReadOnlyRegisterWriteTests
{
    private const string Id = "TSM1001";

    [Fact]
    public async Task Typed_extend_of_mrtd_is_reported_on_the_same_span_as_CS1061()
    {
        await Verify("tdx.MrTd.{|CS1061:{|TSM1001:Extend|}|}(Sha384Digest.Compute(x));");
    }

    [Fact]
    public async Task Typed_extend_of_a_live_register_without_the_extendable_flag_is_reported()
    {
        // tsm-mr-sample's rtmr0 is READABLE|LIVE: it changes, but only through its alias rtmr_crypto_agile:sha256.
        await Verify("sample.Rtmr0.{|CS1061:{|TSM1001:Extend|}|}(x);");
    }

    [Fact]
    public async Task Typed_extend_of_a_hash_choice_register_is_reported()
    {
        await Verify("cca.Rim.{|CS1061:{|TSM1001:Extend|}|}(x);");
    }

    [Fact]
    public async Task Extend_by_constant_name_is_reported()
    {
        await Verify("""
            {|TSM1001:tdx.Register("mrtd").Extend(x)|};
            {|TSM1001:tdx.Register("mrconfigid").Extend(x)|};
            {|TSM1001:snp.Register("measurement:sha384").Extend(x)|};
            {|TSM1001:cca.Register("rim:sha256").Extend(x)|};
            {|TSM1001:sample.Register("config_mr").Extend(x)|};
            """);
    }

    [Fact]
    public async Task Extend_through_a_local_a_cast_or_a_constant_position_is_reported()
    {
        await Verify("""
            const string Name = "mrowner";
            IMeasurementRegister owner = tdx.Register(Name);
            {|TSM1001:owner.Extend(x)|};
            {|TSM1001:((IMeasurementRegister)tdx.MrTd).Extend(x)|};
            {|TSM1001:tdx.Registers[4].Extend(x)|};
            """);
    }

    [Fact]
    public async Task Raw_writes_to_an_immutable_register_file_are_reported()
    {
        await Verify("""
            {|TSM1001:File.WriteAllBytes("/sys/class/misc/tdx_guest/measurements/mrtd:sha384", x)|};
            {|TSM1001:File.WriteAllText("/sys/devices/virtual/misc/tdx_guest/measurements/mrconfigid", "x")|};
            {|TSM1001:File.AppendAllText("/sys/class/misc/sev-guest/measurements/hostdata", "x")|};
            {|TSM1001:File.OpenWrite("/sys/class/misc/tsm_mr_sample/measurements/static_mr:sha384")|}.Dispose();
            const string Dir = "/sys/class/misc/tdx_guest/measurements";
            {|TSM1001:File.Open(Dir + "/mrowner", FileMode.Open)|}.Dispose();
            {|TSM1001:File.Open(Path.Combine(Dir, "mrtd:sha384"), FileMode.Open, FileAccess.ReadWrite)|}.Dispose();
            {|TSM1001:new FileStream(Path.Join(Dir, "mrownerconfig"), FileMode.Append)|}.Dispose();
            string rim = "/sys/class/misc/arm_cca_guest/measurements/rim:sha512";
            {|TSM1001:new StreamWriter(rim)|}.Dispose();
            {|TSM1001:File.WriteAllBytes("/sys/class/tpm/tpm0/pcr-sha256/7", x)|};
            """);
    }

    [Fact]
    public async Task Extendable_registers_and_unknown_registers_are_not_reported()
    {
        await Verify("""
            tdx.Rtmr3.Extend(Sha384Digest.Compute(x));
            tdx.Register("rtmr3").Extend(SHA384.HashData(x));
            tdx.Rtmr(0).Extend(Sha384Digest.Compute(x));
            tdx.Registers[3].Extend(SHA384.HashData(x));
            sample.Register("rtmr_crypto_agile:sha256").Extend(SHA256.HashData(x));
            cca.Rem0.Extend(SHA256.HashData(x));
            string name = Console.ReadLine()!;
            tdx.Register(name).Extend(x);
            IMeasurementRegister changed = tdx.Register("mrtd");
            changed = tdx.Rtmr2;
            changed.Extend(x);
            IMeasurementRegister guarded = tdx.Register("mrtd");
            if (guarded.IsExtendable)
            {
                guarded.Extend(x);
            }

            Action extend = guarded.IsExtendable ? () => guarded.Extend(x) : () => { };
            """);
    }

    [Fact]
    public async Task Reads_and_other_files_are_not_reported()
    {
        await Verify("""
            byte[] mrtd = File.ReadAllBytes("/sys/class/misc/tdx_guest/measurements/mrtd:sha384");
            File.Open("/sys/class/misc/tdx_guest/measurements/mrtd:sha384", FileMode.Open, FileAccess.Read).Dispose();
            new FileStream("/sys/class/misc/tdx_guest/measurements/mrowner", FileMode.Open, FileAccess.Read).Dispose();
            File.OpenHandle("/sys/class/misc/tdx_guest/measurements/mrtd:sha384").Dispose();
            File.WriteAllBytes("/sys/class/misc/other_guest/measurements/mrtd:sha384", x);
            File.WriteAllBytes("/tmp/mrtd:sha384", x);
            FileAccess access = FileAccess.Read;
            File.Open("/sys/class/misc/tdx_guest/measurements/mrtd:sha384", FileMode.Open, access).Dispose();
            """);
    }

    [Fact]
    public async Task The_message_names_the_register_the_vendor_and_why_from_the_schema()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, UsageTesting.InMethod("""
            tdx.Register("mrtd").Extend(x);
            File.Open("/sys/class/misc/tdx_guest/measurements/mrowner", FileMode.Open).Dispose();
            """));

        Assert.Equal(new[] { Id, Id }, diagnostics.Select(static d => d.Id));
        string typed = diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("mrtd of Intel TDX is read-only: (RO) MRTD - Measurement of the initial contents of the TD", typed, StringComparison.Ordinal);
        Assert.Contains("TDH.MR.FINALIZE", typed, StringComparison.Ordinal);
        Assert.EndsWith("; only rtmr0..rtmr3 can be extended", typed, StringComparison.Ordinal);
        Assert.Contains("without a FileAccess argument the file is opened read-write", diagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_without_extendable_registers_says_so()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, UsageTesting.InMethod("snp.Register(\"hostdata\").Extend(x);"));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.EndsWith("; AMD SEV-SNP has no extendable register", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static Task Verify(string statements) =>
        new UsageAnalyzerTest(UsageTesting.InMethod(statements)).RunAsync();
}
