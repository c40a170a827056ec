using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>TSM1005: extending a register by writing its kernel file instead of through the generated API.</summary>
public sealed class RawRegisterFileWriteTests
{
    private const string Id = "TSM1005";

    [Fact]
    public async Task Writes_to_an_extendable_register_file_are_reported()
    {
        await Verify("""
            {|TSM1005:File.WriteAllBytes("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384", SHA384.HashData(x))|};
            {|TSM1005:File.WriteAllBytes("/sys/devices/virtual/misc/tdx_guest/measurements/rtmr0:sha384", x)|};
            {|TSM1005:File.OpenWrite("/sys/class/misc/tsm_mr_sample/measurements/rtmr1:sha384")|}.Dispose();
            const string Dir = "/sys/class/misc/tsm_mr_sample/measurements/";
            {|TSM1005:new FileStream(Dir + "rtmr_crypto_agile:sha256", FileMode.Open, FileAccess.Write)|}.Dispose();
            string rem = Path.Combine("/sys/class/misc/arm_cca_guest/measurements", "rem2:sha512");
            {|TSM1005:File.WriteAllBytesAsync(rem, SHA512.HashData(x))|}.Wait();
            """);
    }

    [Fact]
    public async Task Reads_and_writes_to_other_files_are_not_reported()
    {
        await Verify("""
            byte[] value = File.ReadAllBytes("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384");
            using (var read = File.OpenRead("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384")) { }
            File.WriteAllBytes("/sys/class/misc/tdx_guest/measurements/rtmr4:sha384", x);
            File.WriteAllBytes("/var/log/rtmr3:sha384", x);
            string path = Console.ReadLine()!;
            File.WriteAllBytes(path, x);
            """);
    }

    [Fact]
    public async Task The_message_names_the_api_the_register_and_the_replacement()
    {
        (_, IReadOnlyList<Diagnostic> diagnostics) = await UsageTesting.AnalyzeAsync(OutputKind.DynamicallyLinkedLibrary, UsageTesting.InMethod(
            "File.WriteAllBytes(\"/sys/class/misc/tdx_guest/measurements/rtmr3:sha384\", SHA384.HashData(x));"));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(
            "File.WriteAllBytes writes rtmr3:sha384 of Intel TDX through its kernel file; use the generated API instead (using var tdx = Tdx.Open(); tdx.Rtmr3.Extend(digest)): it checks the size before any I/O, maps errors to typed exceptions and also runs on the emulator",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Task Verify(string statements) => new UsageAnalyzerTest(UsageTesting.InMethod(statements)).RunAsync();
}
