using Tsm.Generators.Analyzers;
using Tsm.Generators.CodeFixes.Usage;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>The code fixes for TSM1002 (hash with the register's algorithm), TSM1003 (closest valid name) and TSM1005 (typed API).</summary>
public sealed class UsageCodeFixTests
{
    [Fact]
    public async Task A_typed_register_gets_the_typed_digest_first()
    {
        await new UsageCodeFixTest<RegisterUsageAnalyzer, DigestAlgorithmCodeFix>(
            UsageTesting.InMethod("tdx.Rtmr3.Extend({|TSM1002:SHA256.HashData(x)|});"),
            UsageTesting.InMethod("tdx.Rtmr3.Extend(Sha384Digest.Compute(x));"))
        {
            CodeActionEquivalenceKey = nameof(DigestAlgorithmCodeFix) + ".Compute",
        }.RunAsync();
    }

    [Fact]
    public async Task A_typed_register_can_also_keep_HashData_with_the_right_class()
    {
        await new UsageCodeFixTest<RegisterUsageAnalyzer, DigestAlgorithmCodeFix>(
            UsageTesting.InMethod("tpm.Sha256.Pcr7.Extend({|TSM1002:SHA1.HashData(x)|});"),
            UsageTesting.InMethod("tpm.Sha256.Pcr7.Extend(SHA256.HashData(x));"))
        {
            CodeActionEquivalenceKey = nameof(DigestAlgorithmCodeFix) + ".HashData",
        }.RunAsync();
    }

    [Fact]
    public async Task A_register_by_name_gets_HashData_of_its_algorithm()
    {
        await new UsageCodeFixTest<RegisterUsageAnalyzer, DigestAlgorithmCodeFix>(
            UsageTesting.InMethod("tdx.Register(\"rtmr3\").Extend({|TSM1002:SHA512.HashData(x)|});"),
            UsageTesting.InMethod("tdx.Register(\"rtmr3\").Extend(SHA384.HashData(x));")).RunAsync();
    }

    [Fact]
    public async Task Sizes_without_an_algorithm_get_no_digest_fix()
    {
        string code = UsageTesting.InMethod("tdx.Rtmr3.Extend({|TSM1002:new byte[32]|});");
        await new UsageCodeFixTest<RegisterUsageAnalyzer, DigestAlgorithmCodeFix>(code, code).RunAsync();
    }

    [Fact]
    public async Task An_unknown_name_gets_one_fix_per_closest_name()
    {
        foreach (string name in new[] { "rtmr0", "rtmr1", "rtmr2", "rtmr3" })
        {
            await new UsageCodeFixTest<RegisterUsageAnalyzer, RegisterNameCodeFix>(
                UsageTesting.InMethod("tdx.Register({|TSM1003:\"rtmr4\"|}).Extend(SHA384.HashData(x));"),
                UsageTesting.InMethod($"tdx.Register(\"{name}\").Extend(SHA384.HashData(x));"))
            {
                CodeActionEquivalenceKey = nameof(RegisterNameCodeFix) + ":" + name,
            }.RunAsync();
        }
    }

    [Fact]
    public async Task An_ambiguous_name_gets_one_fix_per_hash()
    {
        await new UsageCodeFixTest<RegisterUsageAnalyzer, RegisterNameCodeFix>(
            UsageTesting.InMethod("tpm.Register({|TSM1003:\"pcr7\"|}).Extend(SHA256.HashData(x));"),
            UsageTesting.InMethod("tpm.Register(\"pcr7:sha256\").Extend(SHA256.HashData(x));"))
        {
            CodeActionEquivalenceKey = nameof(RegisterNameCodeFix) + ":pcr7:sha256",
        }.RunAsync();
    }

    [Fact]
    public async Task A_case_mistake_is_fixed_to_the_real_name()
    {
        await new UsageCodeFixTest<RegisterUsageAnalyzer, RegisterNameCodeFix>(
            UsageTesting.InMethod("cca.Register({|TSM1003:\"REM1\"|}).Extend(SHA256.HashData(x));"),
            UsageTesting.InMethod("cca.Register(\"rem1\").Extend(SHA256.HashData(x));")).RunAsync();
    }

    [Fact]
    public async Task A_raw_sysfs_write_becomes_the_typed_extend()
    {
        await new UsageCodeFixTest<RegisterFileAnalyzer, TypedExtendCodeFix>(
            UsageTesting.InMethod("""
                byte[] digest = SHA384.HashData(x);
                {|TSM1005:File.WriteAllBytes("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384", digest)|};
                """),
            UsageTesting.InMethod("""
                byte[] digest = SHA384.HashData(x);
                using (var tdx2 = Tdx.Open())
                {
                    tdx2.Rtmr3.Extend(digest);
                }
                """)).RunAsync();
    }

    [Fact]
    public async Task A_raw_write_to_a_bank_register_alias_uses_its_property()
    {
        await new UsageCodeFixTest<RegisterFileAnalyzer, TypedExtendCodeFix>(
            UsageTesting.InMethod("""
                {|TSM1005:File.WriteAllBytes("/sys/class/misc/tsm_mr_sample/measurements/rtmr_crypto_agile:sha256", SHA256.HashData(x))|};
                """),
            UsageTesting.InMethod("""
                using (var tsmMrSample = TsmMrSample.Open())
                {
                    tsmMrSample.RtmrCryptoAgileSha256.Extend(SHA256.HashData(x));
                }
                """)).RunAsync();
    }

    [Fact]
    public async Task Other_raw_writes_get_no_fix()
    {
        string code = UsageTesting.InMethod("""
            {|TSM1005:File.OpenWrite("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384")|}.Dispose();
            """);
        await new UsageCodeFixTest<RegisterFileAnalyzer, TypedExtendCodeFix>(code, code).RunAsync();
    }
}
