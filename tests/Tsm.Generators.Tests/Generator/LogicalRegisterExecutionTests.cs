using System.Security.Cryptography;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// The generated logical registers, compiled from the shipped schemas and run on the emulator: a role extends the
/// register its schema maps it to (every bank of it on a TPM), and MeasurementPlatforms opens any role-mapping vendor.
/// </summary>
public sealed class LogicalRegisterExecutionTests
{
    private const string Consumer = """
        using System;
        using System.Linq;
        using Tsm;
        using Tsm.Vendors;

        public static class Probe
        {
            public static string TdxApplication(byte[] payload)
            {
                using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
                bool same = ReferenceEquals(tdx.Logical.Application, tdx.Rtmr3);
                tdx.Logical.Application.Extend(Sha384Digest.Compute(payload));
                return same + "|" + tdx.Rtmr3.Read() + "|" + tdx.Rtmr2.Read();
            }

            public static string TpmApplication(byte[] payload)
            {
                using Tpm tpm = Tpm.Open(TsmBackend.Emulated());
                LogicalRegister application = tpm.Logical.Application;
                application.ExtendEvent(payload);
                return application.Name + "|" + string.Join(",", application.Hashes) + "|"
                    + tpm.Sha1.Pcr23.Read() + "|" + tpm.Sha256.Pcr23.Read() + "|" + tpm.Sha384.Pcr23.Read() + "|" + tpm.Sha512.Pcr23.Read() + "|"
                    + tpm.Sha256.Pcr8.Read();
            }

            public static string PlatformApplication(byte[] payload)
            {
                using MeasurementPlatform platform = MeasurementPlatforms.Open("tdx", TsmBackend.Emulated());
                platform.Application.ExtendEvent(payload);
                return platform.Vendor + "|" + platform.Application.Name + "|" + platform.Application.Read()[0];
            }

            public static string Definitions() => string.Join(",", MeasurementPlatforms.Definitions.Select(d => d.Vendor));

            public static string SampleRoles()
            {
                using TsmMrSample sample = TsmMrSample.Open(TsmBackend.Emulated());
                bool same = ReferenceEquals(sample.Logical.Application, sample.Rtmr1);
                try
                {
                    sample.Logical.Role(MeasurementRole.Firmware);
                    return same + "|no exception";
                }
                catch (ArgumentException e)
                {
                    return same + "|" + e.Message;
                }
            }
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> Compiled = new(static () =>
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas(), Consumer);
        Assert.Empty(result.Diagnostics);
        return CompiledConsumer.Load(output);
    });

    private static readonly byte[] Payload = "application event"u8.ToArray();

    [Fact]
    public void Tdx_Logical_Application_is_Rtmr3_and_extending_it_changes_rtmr3_only()
    {
        string[] parts = Run("TdxApplication", Payload);

        Assert.Equal("True", parts[0]);
        Assert.Equal(Hex(SHA384.HashData(new byte[48].Concat(SHA384.HashData(Payload)).ToArray())), parts[1]);
        Assert.Equal(new string('0', 96), parts[2]);
    }

    [Fact]
    public void Tpm_Logical_Application_ExtendEvent_extends_pcr23_in_every_bank_with_the_events_digest_in_that_banks_hash()
    {
        string[] parts = Run("TpmApplication", Payload);

        Assert.Equal("pcr23", parts[0]);
        Assert.Equal("Sha1,Sha256,Sha384,Sha512", parts[1]);
        Assert.Equal(Hex(SHA1.HashData(new byte[20].Concat(SHA1.HashData(Payload)).ToArray())), parts[2]);
        Assert.Equal(Hex(SHA256.HashData(new byte[32].Concat(SHA256.HashData(Payload)).ToArray())), parts[3]);
        Assert.Equal(Hex(SHA384.HashData(new byte[48].Concat(SHA384.HashData(Payload)).ToArray())), parts[4]);
        Assert.Equal(Hex(SHA512.HashData(new byte[64].Concat(SHA512.HashData(Payload)).ToArray())), parts[5]);
        Assert.Equal(new string('0', 64), parts[6]);
    }

    [Fact]
    public void MeasurementPlatforms_Open_with_a_vendor_and_the_emulator_measures_into_that_platforms_application_register()
    {
        string[] parts = Run("PlatformApplication", Payload);

        Assert.Equal("tdx", parts[0]);
        Assert.Equal("rtmr3", parts[1]);
        Assert.Equal(Hex(SHA384.HashData(new byte[48].Concat(SHA384.HashData(Payload)).ToArray())), parts[2]);
    }

    [Fact]
    public void MeasurementPlatforms_lists_every_shipped_vendor_that_maps_roles_and_not_sev_snp()
    {
        Assert.Equal("arm-cca,tdx,tpm,tsm-mr-sample", (string)CompiledConsumer.Invoke(Compiled.Value, "Probe", "Definitions")!);
    }

    [Fact]
    public void The_sample_driver_maps_only_the_application_role_and_Role_names_what_it_maps()
    {
        string[] parts = Run("SampleRoles");

        Assert.Equal("True", parts[0]);
        Assert.Contains("maps no register to the 'firmware' role; it maps: application → rtmr1", parts[1], StringComparison.Ordinal);
    }

    private static string[] Run(string method, params object[] arguments) =>
        ((string)CompiledConsumer.Invoke(Compiled.Value, "Probe", method, arguments)!).Split('|');

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
