namespace Tsm.Package.Tests;

/// <summary>
/// The packages a library author adds work on their own: a fresh project that references only Tsm.Generators and
/// Tsm.Runtime opts in to a vendor, builds, runs on the emulator, and gets TSM errors at the right file and line.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageConsumptionTests(PackedPackages packages)
{
    private const string ExtendRtmr3 = """
        using System.Security.Cryptography;
        using Tsm;
        using Tsm.Vendors;

        using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
        Sha384Digest old = tdx.Rtmr3.Read();
        Sha384Digest digest = Sha384Digest.Compute("package test"u8);
        tdx.Rtmr3.Extend(digest);
        byte[] expected = SHA384.HashData([.. old.Bytes, .. digest.Bytes]);
        Console.WriteLine(tdx.Rtmr3.Read().Bytes.SequenceEqual(expected) ? "rtmr3 ok" : "rtmr3 MISMATCH");
        """;

    [Fact]
    public void A_fresh_project_opts_in_to_a_shipped_vendor_builds_and_runs_on_the_emulator()
    {
        ConsumerProject consumer = ConsumerProject.Create(packages, "Consumer", """<ItemGroup><TsmVendor Include="tdx" /></ItemGroup>""");
        consumer.Write("Program.cs", ExtendRtmr3);

        (int buildExit, string buildOutput) = consumer.Build();
        Assert.True(buildExit == 0, buildOutput);
        (int runExit, string runOutput) = consumer.Run();

        Assert.Equal(0, runExit);
        Assert.Contains("rtmr3 ok", runOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_schema_of_the_consumer_fails_the_build_with_a_tsm_error_at_its_json_line_and_column()
    {
        ConsumerProject consumer = ConsumerProject.Create(packages, "BrokenSchema", """<ItemGroup><TsmVendor Include="tdx" /><TsmSchema Include="acme.tsm.json" /></ItemGroup>""");
        consumer.Write("Program.cs", ExtendRtmr3);
        const string schema = """
            {
              "vendor": "acme",
              "displayName": "Acme TEE",
              "device": { "sysfs": "/sys/class/misc/acme/measurements" },
              "registers": [
                { "name": "pmr", "hash": "sha384", "size": 32, "flags": ["readable"] }
              ]
            }
            """;
        consumer.Write("acme.tsm.json", schema);
        string[] lines = schema.Split('\n');
        int line = Array.FindIndex(lines, static l => l.Contains("\"size\": 32", StringComparison.Ordinal));
        int column = lines[line].IndexOf("32", StringComparison.Ordinal);

        (int exitCode, string output) = consumer.Build();

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"acme.tsm.json({line + 1},{column + 1}): error TSM0006", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Csharp_misuse_fails_the_build_with_the_analyzer_error_at_its_file_and_line()
    {
        ConsumerProject consumer = ConsumerProject.Create(packages, "Misuse", """<ItemGroup><TsmVendor Include="tdx" /></ItemGroup>""");
        const string program = """
            using Tsm;
            using Tsm.Vendors;

            using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
            IMeasurementRegister register = tdx.Register("rtmr4");
            System.Console.WriteLine(register.Name);
            """;
        consumer.Write("Program.cs", program);
        string[] lines = program.Split('\n');
        int line = Array.FindIndex(lines, static l => l.Contains("\"rtmr4\"", StringComparison.Ordinal));
        int column = lines[line].IndexOf("\"rtmr4\"", StringComparison.Ordinal);

        (int exitCode, string output) = consumer.Build();

        Assert.NotEqual(0, exitCode);
        Assert.True(output.Contains($"Program.cs({line + 1},{column + 1}): error TSM1003", StringComparison.Ordinal), output);
        Assert.Contains("rtmr3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_vendor_fails_the_build_naming_the_shipped_vendors()
    {
        ConsumerProject consumer = ConsumerProject.Create(packages, "UnknownVendor", """<ItemGroup><TsmVendor Include="tdxx" /></ItemGroup>""");
        consumer.Write("Program.cs", "System.Console.WriteLine();");

        (int exitCode, string output) = consumer.Build();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error TSM9001", output, StringComparison.Ordinal);
        Assert.Equal(["arm-cca", "sev-snp", "tdx", "tpm", "tsm-mr-sample"], ShippedVendorsNamed(output));
    }

    [Fact]
    public void An_unknown_vendor_names_the_schemas_present_in_the_schema_directory_not_a_fixed_list()
    {
        ConsumerProject consumer = ConsumerProject.Create(packages, "OwnSchemaDirectory", """
            <ItemGroup><TsmVendor Include="tdx" /></ItemGroup>
            <PropertyGroup><TsmSchemaDirectory>$(MSBuildProjectDirectory)/vendors/</TsmSchemaDirectory></PropertyGroup>
            """);
        consumer.Write("Program.cs", "System.Console.WriteLine();");
        Directory.CreateDirectory(Path.Combine(consumer.Directory, "vendors"));
        consumer.Write("vendors/acme.tsm.json", "{}");
        consumer.Write("vendors/acme-tee.tsm.json", "{}");
        consumer.Write("vendors/tsm-vendor.schema.json", "{}");

        (int exitCode, string output) = consumer.Build();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error TSM9001: Unknown Tsm vendor 'tdx'", output, StringComparison.Ordinal);
        Assert.Equal(["acme", "acme-tee"], ShippedVendorsNamed(output));
    }

    [Fact]
    public void An_accessibility_other_than_internal_or_public_fails_the_build_naming_the_two_values()
    {
        ConsumerProject consumer = ConsumerProject.Create(packages, "BadAccessibility", """
            <ItemGroup><TsmVendor Include="tdx" /></ItemGroup>
            <PropertyGroup><TsmAccessibility>exported</TsmAccessibility></PropertyGroup>
            """);
        consumer.Write("Program.cs", ExtendRtmr3);

        (int exitCode, string output) = consumer.Build();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error TSM9002", output, StringComparison.Ordinal);
        Assert.Contains("is 'exported'; it must be internal", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generating_sev_snp_with_only_Tsm_Runtime_builds_warning_free_with_integer_tcb_fields()
    {
        // sev-snp's 'as' type is Tsm.Attestation.SnpTcbVersion, which this consumer does not reference: the fields fall
        // back to ulong with the Info TSM0018, and a consumer that treats warnings as errors still builds.
        ConsumerProject consumer = ConsumerProject.Create(packages, "SnpWithoutAttestation", """
            <ItemGroup><TsmVendor Include="sev-snp" /></ItemGroup>
            """);
        consumer.Write("Program.cs", """
            using Tsm.Vendors;

            Console.WriteLine(typeof(SnpReport).GetProperty("LaunchTcb")!.PropertyType.Name);

            static class Tcb
            {
                public static ulong Launch(SnpReport report) => report.LaunchTcb;
            }
            """);

        (int buildExit, string buildOutput) = consumer.Build();
        Assert.True(buildExit == 0, buildOutput);
        (int runExit, string runOutput) = consumer.Run();

        Assert.DoesNotContain("warning TSM0017", buildOutput, StringComparison.Ordinal);
        Assert.Equal(0, runExit);
        Assert.Contains("UInt64", runOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void TsmVendorSchemaPath_is_the_json_schema_inside_the_package_the_same_file_as_the_repositorys()
    {
        ConsumerProject consumer = ConsumerProject.Create(packages, "SchemaPath", """<ItemGroup><TsmVendor Include="tdx" /></ItemGroup>""");

        string path = consumer.Property("TsmVendorSchemaPath");

        Assert.StartsWith(Path.Combine(packages.PackageCache, "tsm.generators", packages.Version), path, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(packages.Repository, "schemas", "tsm-vendor.schema.json")), File.ReadAllBytes(path));
    }

    /// <summary>The vendors a TSM9001 message lists, sorted (MSBuild globs in directory order).</summary>
    private static string[] ShippedVendorsNamed(string output)
    {
        int start = output.IndexOf("Shipped vendors: ", StringComparison.Ordinal);
        Assert.True(start >= 0, output);
        start += "Shipped vendors: ".Length;
        string list = output[start..output.IndexOf(". For your own hardware", start, StringComparison.Ordinal)];
        return [.. list.Split(", ").Order(StringComparer.Ordinal)];
    }
}
