using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>Generated bindings are compiled and run: typed reads and extends, by property, by index and by name.</summary>
public sealed class GeneratedCodeExecutionTests
{
    private const string NewVendorSchema = """
        {
          "vendor": "acme-tee",
          "displayName": "Acme TEE",
          "description": "A platform no generator code knows about.",
          "device": { "sysfs": "/sys/class/misc/acme_tee/measurements" },
          "registers": [
            { "name": "boot_id", "hash": "none", "size": 32, "flags": ["readable"], "description": "Host-chosen boot identifier." },
            { "name": "pmr", "count": 2, "hash": "sha512", "flags": ["readable", "extendable"],
              "extend": { "rule": "hash-concat" }, "description": "Platform measurement register." }
          ]
        }
        """;

    private const string NewVendorConsumer = """
        using System;
        using Tsm;
        using Tsm.Vendors;

        public static class Probe
        {
            public static string ExtendPmr1(byte[] payload)
            {
                using AcmeTee acme = AcmeTee.Open(TsmBackend.Emulated());
                Sha512Digest before = acme.Pmr1.Read();
                acme.Pmr(1).Extend(Sha512Digest.Compute(payload));
                Opaque32 bootId = acme.BootId.Read();
                return before + "|" + acme.Register("pmr1:sha512").ReadBytes().Length + "|" + acme.Pmr1.Read() + "|" + bootId;
            }
        }
        """;

    [Fact]
    public void A_brand_new_vendor_schema_yields_working_bindings_without_generator_changes()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(
            new[] { GeneratorHarness.Schema("/project/acme.tsm.json", NewVendorSchema) },
            NewVendorConsumer);
        Assert.Empty(result.Diagnostics);

        byte[] payload = "acme event"u8.ToArray();
        string[] parts = ((string)CompiledConsumer.Invoke(CompiledConsumer.Load(output), "Probe", "ExtendPmr1", payload)!).Split('|');

        byte[] expected = SHA512.HashData(new byte[64].Concat(SHA512.HashData(payload)).ToArray());
        Assert.Equal(new string('0', 128), parts[0]);
        Assert.Equal("64", parts[1]);
        Assert.Equal(Convert.ToHexStringLower(expected), parts[2]);
        Assert.Equal(new string('0', 64), parts[3]);
    }

    [Fact]
    public void Tdx_rtmr3_extend_through_generated_code_on_the_emulator_is_sha384_of_old_and_digest()
    {
        const string consumer = """
            using Tsm;
            using Tsm.Vendors;

            public static class Probe
            {
                public static string[] Extend(byte[] eventData)
                {
                    using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
                    Sha384Digest old = tdx.Rtmr3.Read();
                    tdx.Rtmr3.Extend(Sha384Digest.Compute(eventData));
                    return new[] { old.ToString(), tdx.Rtmr(3).Read().ToString(), tdx.Register("rtmr3").ReadBytes().Length.ToString() };
                }
            }
            """;
        Compilation output = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas(), consumer).Output;

        string[] values = (string[])CompiledConsumer.Invoke(CompiledConsumer.Load(output), "Probe", "Extend", "boot event"u8.ToArray())!;

        byte[] old = Convert.FromHexString(values[0]);
        byte[] expected = SHA384.HashData(old.Concat(SHA384.HashData("boot event"u8)).ToArray());
        Assert.Equal(Convert.ToHexStringLower(expected), values[1]);
        Assert.Equal("48", values[2]);
    }

    [Fact]
    public void Tdx_registers_read_and_extend_through_a_directory_laid_out_like_sysfs()
    {
        const string consumer = """
            using Tsm;
            using Tsm.Vendors;

            public static class Probe
            {
                public static string Run(string directory, byte[] digest)
                {
                    using Tdx tdx = Tdx.Open(TsmBackend.Sysfs(directory));
                    tdx.Rtmr2.Extend(Sha384Digest.FromBytes(digest));
                    return tdx.MrTd.Read() + "|" + tdx.MrConfigId.Read();
                }
            }
            """;
        string directory = Directory.CreateTempSubdirectory("tdx-measurements-").FullName;
        try
        {
            byte[] mrtd = Enumerable.Range(0, 48).Select(static i => (byte)i).ToArray();
            File.WriteAllBytes(Path.Combine(directory, "mrtd:sha384"), mrtd);
            File.WriteAllBytes(Path.Combine(directory, "mrconfigid"), new byte[48]);
            foreach (string name in new[] { "mrowner", "mrownerconfig" })
            {
                File.WriteAllBytes(Path.Combine(directory, name), new byte[48]);
            }

            for (int i = 0; i < 4; i++)
            {
                File.WriteAllBytes(Path.Combine(directory, $"rtmr{i}:sha384"), new byte[48]);
            }

            byte[] digest = SHA384.HashData("written"u8);
            Compilation output = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas(), consumer).Output;
            string[] values = ((string)CompiledConsumer.Invoke(CompiledConsumer.Load(output), "Probe", "Run", directory, digest)!).Split('|');

            Assert.Equal(Convert.ToHexStringLower(mrtd), values[0]);
            Assert.Equal(new string('0', 96), values[1]);
            Assert.Equal(digest, File.ReadAllBytes(Path.Combine(directory, "rtmr2:sha384")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("tdx.MrTd.Extend(default(Sha384Digest));", "CS1061")]
    [InlineData("tdx.Rtmr3.Extend(default(Sha256Digest));", "CS1503")]
    [InlineData("Sha256Digest d = tdx.Rtmr0.Read();", "CS0029")]
    public void The_types_reject_extending_immutable_registers_and_digests_of_the_wrong_algorithm(string statement, string error)
    {
        string consumer = $$"""
            using Tsm;
            using Tsm.Vendors;

            public static class Misuse
            {
                public static void Run(Tdx tdx) { {{statement}} }
            }
            """;
        Compilation output = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas(), consumer).Output;

        Assert.Contains(GeneratorHarness.Errors(output), d => d.Id == error);
    }
}
