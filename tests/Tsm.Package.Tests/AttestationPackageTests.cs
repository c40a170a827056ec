namespace Tsm.Package.Tests;

/// <summary>
/// Tsm.Attestation on its own: a fresh project that references only that package (and gets Tsm.Runtime through it,
/// with no generator) builds evidence on the emulator, parses it, and verifies a real TD quote offline.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class AttestationPackageTests(PackedPackages packages)
{
    /// <summary>RTMR0 of tdx/gotdx_quote_v4_SPR_E4.dat (docs/cli.md shows the same value under body.rtmr0).</summary>
    private const string SprE4Rtmr0 = "2927da70461cd63266f43230cc1849c03ef25ebe490062a801d8fcc80af42976823adf08f833c1e50b51779c6593f32a";

    [Fact]
    public void A_project_with_only_Tsm_Attestation_builds_a_tdreport_on_the_emulator_and_parses_it_back()
    {
        ConsumerProject consumer = AttestationConsumer("AttestationEmulated");
        consumer.Write("Program.cs", """
            using System.Security.Cryptography;
            using Tsm;
            using Tsm.Attestation;

            using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
            tdx.Rtmr3.Extend(Sha384Digest.Compute("attestation package"u8));
            byte[] reportData = SHA512.HashData("nonce"u8);
            TdReport report = TdReport.Parse(TdReport.Build(tdx, reportData));
            bool same = report.Rtmr3 == tdx.Rtmr3.Read() && report.ReportData.SequenceEqual(reportData);
            Console.WriteLine(same ? "tdreport ok" : "tdreport MISMATCH");
            """);

        (int buildExit, string buildOutput) = consumer.Build();
        Assert.True(buildExit == 0, buildOutput);
        (int runExit, string runOutput) = consumer.Run();

        Assert.True(runExit == 0, runOutput);
        Assert.Contains("tdreport ok", runOutput, StringComparison.Ordinal);
    }

    [SampleDataFact]
    public void A_project_with_only_Tsm_Attestation_decodes_and_verifies_a_real_td_quote()
    {
        ConsumerProject consumer = AttestationConsumer("AttestationQuote");
        consumer.Write("Program.cs", """
            using Tsm.Attestation;
            using Tsm.Attestation.Verification;

            byte[] quote = File.ReadAllBytes(args[0]);
            Console.WriteLine("rtmr0 " + TdQuote.Parse(quote).Body.Rtmr0);
            VerificationResult result = TdQuoteVerifier.Default.Verify(quote);
            Console.WriteLine(result);
            return result.IsVerified ? 0 : 1;
            """);

        (int buildExit, string buildOutput) = consumer.Build();
        Assert.True(buildExit == 0, buildOutput);
        (int runExit, string runOutput) = consumer.Run(SampleData.PathOf("tdx/gotdx_quote_v4_SPR_E4.dat"));

        Assert.True(runExit == 0, runOutput);
        Assert.Contains("rtmr0 " + SprE4Rtmr0, runOutput, StringComparison.Ordinal);
        Assert.Contains("TD quote v4: verified (5 of 5 checks passed)", runOutput, StringComparison.Ordinal);
    }

    private ConsumerProject AttestationConsumer(string name) => ConsumerProject.CreateReferencing(packages, name, "Exe", $"""
        <ItemGroup>
            <PackageReference Include="Tsm.Attestation" Version="{packages.Version}" />
          </ItemGroup>
        """);
}
