using System.Security.Cryptography;

namespace Tsm.Package.Tests;

/// <summary>
/// Two libraries that both opt in to <c>tdx</c> with the default accessibility, and an app that references both and
/// opts in itself: three <c>Tsm.Vendors.Tdx</c> classes, each internal to its assembly, so the app builds (with
/// warnings as errors) and all three see the same emulated registers. With public types the app's <c>Tdx</c> would
/// conflict with the libraries' (CS0436) and an app without its own would find two (CS0433).
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class TwoLibrariesTests(PackedPackages packages)
{
    [Fact]
    public void An_app_references_two_libraries_that_opted_in_to_tdx_and_uses_both_and_its_own_tdx()
    {
        ConsumerProject recorder = ConsumerProject.Create(packages, "BootRecorder", """<ItemGroup><TsmVendor Include="tdx" /></ItemGroup>""", "Library");
        recorder.Write("BootEvents.cs", """
            using Tsm;
            using Tsm.Vendors;

            namespace BootRecorder;

            public static class BootEvents
            {
                public static Sha384Digest Record(TsmBackend backend, string bootEvent)
                {
                    using Tdx tdx = Tdx.Open(backend);
                    tdx.Rtmr3.Extend(Sha384Digest.Compute(System.Text.Encoding.UTF8.GetBytes(bootEvent)));
                    return tdx.Rtmr3.Read();
                }
            }
            """);
        ConsumerProject reporter = ConsumerProject.Create(packages, "EvidenceReporter", """<ItemGroup><TsmVendor Include="tdx" /></ItemGroup>""", "Library");
        reporter.Write("Evidence.cs", """
            using Tsm;
            using Tsm.Vendors;

            namespace EvidenceReporter;

            public static class Evidence
            {
                public static Sha384Digest ReportedRtmr3(TsmBackend backend)
                {
                    using Tdx tdx = Tdx.Open(backend);
                    return TdReport.Parse(TdReport.Build(tdx, new byte[64])).Rtmr3;
                }
            }
            """);
        ConsumerProject app = ConsumerProject.Create(packages, "TwoLibrariesApp", """
            <ItemGroup>
                <TsmVendor Include="tdx" />
                <ProjectReference Include="../BootRecorder/BootRecorder.csproj" />
                <ProjectReference Include="../EvidenceReporter/EvidenceReporter.csproj" />
              </ItemGroup>
            """);
        app.Write("Program.cs", """
            using Tsm;
            using Tsm.Vendors;

            EmulatedBackend backend = TsmBackend.Emulated();
            Sha384Digest recorded = BootRecorder.BootEvents.Record(backend, "kernel");
            Sha384Digest reported = EvidenceReporter.Evidence.ReportedRtmr3(backend);
            using Tdx tdx = Tdx.Open(backend);
            Console.WriteLine("recorded " + recorded);
            Console.WriteLine("reported " + reported);
            Console.WriteLine(recorded == reported && reported == tdx.Rtmr3.Read() ? "both libraries ok" : "MISMATCH");
            """);

        (int buildExit, string buildOutput) = app.Build();
        Assert.True(buildExit == 0, buildOutput);
        (int runExit, string runOutput) = app.Run();

        Assert.True(runExit == 0, runOutput);
        string expected = Convert.ToHexStringLower(SHA384.HashData([.. new byte[48], .. SHA384.HashData("kernel"u8)]));
        Assert.Contains("recorded " + expected, runOutput, StringComparison.Ordinal);
        Assert.Contains("reported " + expected, runOutput, StringComparison.Ordinal);
        Assert.Contains("both libraries ok", runOutput, StringComparison.Ordinal);
    }
}
