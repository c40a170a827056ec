using Microsoft.CodeAnalysis.Testing;
using Tsm.Generators.Analyzers;
using Tsm.Generators.CodeFixes.Usage;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// Nothing about vendors is built into the usage analyzers: a schema of the user's own is checked like the shipped
/// ones, and the generated classes are found in whatever namespace <c>TsmNamespace</c> puts them.
/// </summary>
public sealed class SchemaDrivenUsageTests
{
    private const string AcmePath = "/0/hardware/acme.tsm.json";

    private const string Acme = """
        {
          "vendor": "acme-tee",
          "displayName": "Acme TEE",
          "description": "A made-up platform for the analyzer tests.",
          "device": { "sysfs": "/sys/class/misc/acme_guest/measurements" },
          "registers": [
            { "name": "launch", "description": "Launch digest, fixed by the Acme firmware before the guest runs.", "hash": "sha256", "flags": ["readable"] },
            { "name": "runtime", "hash": "sha512", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" }, "count": 2 }
          ]
        }
        """;

    [Fact]
    public async Task A_users_own_schema_is_checked_in_a_configured_namespace()
    {
        var test = new UsageAnalyzerTest("""
            using System.IO;
            using System.Security.Cryptography;
            using Acme.Devices;

            internal static class Consumer
            {
                public static void Run(AcmeTee acme, byte[] x)
                {
                    acme.Launch.{|CS1061:{|TSM1001:Extend|}|}(x);
                    acme.Runtime1.Extend({|TSM1002:SHA256.HashData(x)|});
                    acme.Runtime({|TSM1003:2|});
                    acme.Register({|TSM1003:"runtim0"|});
                    {|TSM1001:File.WriteAllBytes("/sys/class/misc/acme_guest/measurements/launch:sha256", x)|};
                    acme.Runtime0.Extend(SHA512.HashData(x));
                }
            }
            """);
        AddAcme(test);
        await test.RunAsync();
    }

    [Fact]
    public async Task The_typed_extend_fix_qualifies_the_class_when_its_namespace_is_not_imported()
    {
        var test = new UsageCodeFixTest<RegisterFileAnalyzer, TypedExtendCodeFix>(
            """
            using System.IO;

            public static class Consumer
            {
                public static void Run(byte[] x)
                {
                    {|TSM1005:File.WriteAllBytes("/sys/class/misc/acme_guest/measurements/runtime1:sha512", x)|};
                }
            }
            """,
            """
            using System.IO;

            public static class Consumer
            {
                public static void Run(byte[] x)
                {
                    using (var acmeTee = Acme.Devices.AcmeTee.Open())
                    {
                        acmeTee.Runtime1.Extend(x);
                    }
                }
            }
            """);
        AddAcme(test);
        await test.RunAsync();
    }

    private static void AddAcme(AnalyzerTest<DefaultVerifier> test)
    {
        test.TestState.AdditionalFiles.Add((AcmePath, Acme));
        test.TestState.AnalyzerConfigFiles.Add((
            "/acme.globalconfig",
            $"is_global = true\nbuild_property.TsmNamespace = Acme.Devices\n\n[{AcmePath}]\nbuild_metadata.AdditionalFiles.TsmSchema = true\n"));
    }
}
