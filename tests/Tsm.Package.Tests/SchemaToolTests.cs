namespace Tsm.Package.Tests;

/// <summary>
/// The way to start your own vendor: install the packed <c>tsm</c> tool, run <c>tsm schema new</c>, add the file with
/// <c>&lt;TsmSchema&gt;</c>. The scaffold passes the packaged generator and analyzers with no diagnostic (the build
/// treats warnings as errors) and its class works on the emulator.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class SchemaToolTests(PackedPackages packages)
{
    [Fact]
    public void A_schema_from_tsm_schema_new_builds_with_no_diagnostic_and_its_class_runs_on_the_emulator()
    {
        string tsm = InstallTool();
        ConsumerProject consumer = ConsumerProject.Create(packages, "Scaffolded", """<ItemGroup><TsmSchema Include="acme-tee.tsm.json" /></ItemGroup>""");
        (int newExit, string newOutput) = DotNet.Tool(tsm, consumer.Directory, "schema", "new", "acme-tee");
        Assert.True(newExit == 0, newOutput);
        consumer.Write("Program.cs", """
            using Tsm;
            using Tsm.Vendors;

            using AcmeTee acme = AcmeTee.Open(TsmBackend.Emulated());
            Sha384Digest launch = acme.LaunchMr.Read();
            acme.RuntimeMr.Extend(Sha384Digest.Compute("first event"u8));
            Console.WriteLine(launch == Sha384Digest.Zero && acme.RuntimeMr.Read() != Sha384Digest.Zero ? "acme-tee ok" : "acme-tee MISMATCH");
            """);

        (int buildExit, string buildOutput) = consumer.Build();
        Assert.True(buildExit == 0, buildOutput);
        Assert.DoesNotContain("TSM", buildOutput, StringComparison.Ordinal);
        (int runExit, string runOutput) = consumer.Run();

        Assert.True(runExit == 0, runOutput);
        Assert.Contains("acme-tee ok", runOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(consumer.Directory, "tsm-vendor.schema.json")));
    }

    /// <summary>Installs Tsm.Cli from the local feed into a tool path of this run, as <c>dotnet tool install</c> does for a user.</summary>
    private string InstallTool()
    {
        string directory = Path.Combine(packages.Root, "tool");
        Directory.CreateDirectory(directory);
        packages.WriteNuGetConfig(directory);
        string toolPath = Path.Combine(directory, "bin");
        (int exitCode, string output) = DotNet.Run(directory, "tool", "install", "Tsm.Cli", "--version", packages.Version, "--tool-path", toolPath);
        Assert.True(exitCode == 0, output);
        return Path.Combine(toolPath, "tsm");
    }
}
