using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// SEV-SNP ATTESTATION_REPORT parsing on real reports (MANIFEST.md §3): stated values, and in tests whose name says
/// "decoded here", MANIFEST.md's own decoding (Appendix A, §6 caveats) as a cross-check where a source states nothing.
/// </summary>
public sealed class SnpReportTests
{
    public static TheoryData<string, int> Versions => new()
    {
        { SampleInventory.GoSevReport, 2 },
        { SampleInventory.TrusteeSnpReport, 2 },
        { SampleInventory.TrusteeVlekReport, 3 },
        { SampleInventory.VirteeMilanReport, 2 },
        { SampleInventory.AzureSnpReportSlice, 2 },
    };

    [Fact]
    public void The_tcb_fields_are_Tsm_Attestations_SnpTcbVersion_which_Tsm_Runtime_no_longer_has()
    {
        // Issue 8 §5: the vendor-specific type lives with the vendor's schema; the sev-snp 'as' names it fully qualified.
        Assert.Equal(typeof(SnpTcbVersion), typeof(SnpReport).GetProperty(nameof(SnpReport.CurrentTcb))!.PropertyType);
        Assert.Equal(typeof(SnpReport).Assembly, typeof(SnpTcbVersion).Assembly);
        Assert.Equal("Tsm.Attestation.SnpTcbVersion", typeof(SnpTcbVersion).FullName);
        Assert.DoesNotContain(typeof(MeasurementDevice).Assembly.GetExportedTypes(), static t => t.Name is "SnpTcbVersion" or "SnpTcbParts");
    }

    [SampleDataFact]
    public void The_go_sev_guest_report_has_the_values_its_check_tests_state()
    {
        SnpReport report = SnpReport.Parse(SampleData.Read(SampleInventory.GoSevReport));

        // go-sev-guest tools/check/check_test.go (line numbers from MANIFEST.md §3).
        Assert.Equal(Hex.ZeroPadded("0102030405", 64), Hex.Of(report.ReportData));
        Assert.Equal(Opaque32.Zero, report.HostData);
        Assert.Equal(Hex.Zeros(16), Hex.Of(report.FamilyId));
        Assert.Equal(Hex.Zeros(16), Hex.Of(report.ImageId));
        Assert.Equal("8edc638e1857c555d21f6b11bda3c8b1b5a09dba4852b4c8ee7aa2f16f22cc0a", Hex.Of(report.ReportId));
        Assert.Equal(new string('f', 64), Hex.Of(report.ReportIdMa));
        Assert.Equal(Sha384Digest.Parse("b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01"), report.Measurement);
        Assert.Equal(
            "3ac3fe21e13fb0990eb28a802e3fb6a29483a6b0753590c951bdd3b8e53786184ca39e359669a2b76a1936776b564ea464cdce40c05f63c9b610c5068b006b5d",
            Hex.Of(report.ChipId));
        Assert.Equal(new SnpTcbVersion(4901323769462652930), report.LaunchTcb);
        Assert.Equal(new SnpTcbParts(Fmc: null, BootLoader: 2, Tee: 0, Snp: 5, Microcode: 68), report.LaunchTcb.MilanGenoa);
        Assert.True(report.Policy.Debug);
        Assert.True(report.Policy.Smt);
        Assert.False(report.Policy.MigrateMa);
        Assert.Equal((1, 49), (report.CurrentMajor, report.CurrentMinor));
        Assert.Equal(Sha384Digest.Zero, report.IdKeyDigest);
        Assert.Equal(Sha384Digest.Zero, report.AuthorKeyDigest);
        Assert.False(report.SignerInfo.AuthorKeyEn);
        Assert.Equal(0u, report.Vmpl);
        Assert.Equal(1UL, report.PlatformInfo.Value);
        Assert.True(report.PlatformInfo.SmtEn);
    }

    [SampleDataFact]
    public void The_go_sev_guest_report_matches_the_values_decoded_here()
    {
        SnpReport report = SnpReport.Parse(SampleData.Read(SampleInventory.GoSevReport));

        Assert.Equal(0u, report.GuestSvn);
        Assert.Equal(0xB0000UL, report.Policy.Value);
        Assert.Equal(1u, report.SignatureAlgo);
        Assert.Equal(0x4405000000000002UL, report.CurrentTcb.Raw);
        Assert.Equal(0x4405000000000002UL, report.ReportedTcb.Raw);
        Assert.Equal(0x4405000000000002UL, report.CommittedTcb.Raw);
        Assert.Equal((3, 49, 1), (report.CurrentBuild, report.CurrentMinor, report.CurrentMajor));
        Assert.Equal((3, 49, 1), (report.CommittedBuild, report.CommittedMinor, report.CommittedMajor));
    }

    [SampleDataTheory]
    [MemberData(nameof(Versions))]
    public void Every_report_has_the_cpuid_and_mitigation_fields_of_its_version(string file, int version)
    {
        byte[] bytes = SampleData.Read(file);
        SnpReport report = SnpReport.Parse(bytes);

        Assert.Equal((uint)version, report.Version);
        Assert.Equal(1184, report.Length);
        Assert.True(report.Bytes.SequenceEqual(bytes));
        Assert.Equal(version >= 3, report.HasCpuidFamId);
        Assert.Equal(version >= 3, report.HasCpuidModId);
        Assert.Equal(version >= 3, report.HasCpuidStep);
        Assert.Equal(version >= 3, report.CpuidFamId.HasValue);
        // No sample is version 5 (MANIFEST.md §6), so none has the mitigation vectors.
        Assert.False(report.HasLaunchMitVector);
        Assert.Null(report.LaunchMitVector);
        Assert.Null(report.CurrentMitVector);
        Assert.Equal(1u, report.SignatureAlgo);
    }

    [SampleDataFact]
    public void The_vlek_report_is_the_version_3_report_at_vmpl_1_with_a_zeroed_chip_id()
    {
        SnpReport report = SnpReport.Parse(SampleData.Read(SampleInventory.TrusteeVlekReport));

        // MANIFEST.md §6 (decoded there): VLEK-signed, VMPL 1, chip_id zeroed. SIGNING_KEY 1 = VLEK.
        Assert.Equal(3u, report.Version);
        Assert.Equal(1u, report.Vmpl);
        Assert.Equal(Hex.Zeros(64), Hex.Of(report.ChipId));
        Assert.Equal(1UL, report.SignerInfo.SigningKey);
        // trustee snp/mod.rs:978-984 checks its TCB as Milan: CPUID family 19h, model 01h.
        Assert.Equal((byte)0x19, report.CpuidFamId);
        Assert.Equal((byte)0x01, report.CpuidModId);
    }

    [SampleDataFact]
    public void The_trustee_report_matches_the_values_decoded_here()
    {
        SnpReport report = SnpReport.Parse(SampleData.Read(SampleInventory.TrusteeSnpReport));

        Assert.Equal(4u, report.GuestSvn);
        Assert.Equal(0x3001FUL, report.Policy.Value);
        Assert.Equal(0x1FUL, report.Policy.AbiMinor);
        Assert.Equal(0UL, report.Policy.AbiMajor);
        Assert.True(report.Policy.Smt);
        Assert.False(report.Policy.Debug);
        Assert.Equal(Hex.ZeroPadded("01", 16), Hex.Of(report.FamilyId));
        Assert.Equal(Hex.ZeroPadded("02", 16), Hex.Of(report.ImageId));
        Assert.Equal(Sha384Digest.Parse("a1f3930413247bb38cfc171579ea3c12d5fe4901f0c792f63fd75d98f1ef827c23500644e0e692e6be917f9050d3d38c"), report.Measurement);
        Assert.Equal(Opaque32.Zero, report.HostData);
        Assert.Equal(Hex.ZeroPadded("ec6c52d7533cc2c4f45be7849cf112ab82b2009fe7bd43e71ed08c14400ad7e2", 64), Hex.Of(report.ReportData));
        Assert.Equal(Sha384Digest.Parse("0356215882a825279a85b300b0b742931d113bf7e32dde2e50ffde7ec743ca491ecdd7f336dc28a6e0b2bb57af7a44a3"), report.IdKeyDigest);
        Assert.Equal(Sha384Digest.Zero, report.AuthorKeyDigest);
        Assert.Equal(0xce08000000000003UL, report.CurrentTcb.Raw);
        Assert.Equal(new SnpTcbParts(Fmc: null, BootLoader: 3, Tee: 0, Snp: 8, Microcode: 0x73), report.ReportedTcb.MilanGenoa);
        Assert.Equal(new SnpTcbParts(Fmc: null, BootLoader: 3, Tee: 0, Snp: 8, Microcode: 0xce), report.CurrentTcb.MilanGenoa);
        Assert.Equal(0x7308000000000003UL, report.LaunchTcb.Raw);
        Assert.Equal("385eba81216de4776548fcb86f8ead03c1ebc92b6207f3210d9ccebb89c99005", Hex.Of(report.ReportId));
        Assert.StartsWith("c38427a30d4c7af9", Hex.Of(report.ChipId), StringComparison.Ordinal);
        Assert.Equal((4, 52, 1), (report.CurrentBuild, report.CurrentMinor, report.CurrentMajor));
    }

    [SampleDataFact]
    public void The_virtee_milan_report_matches_the_values_decoded_here()
    {
        SnpReport report = SnpReport.Parse(SampleData.Read(SampleInventory.VirteeMilanReport));

        Assert.Equal(0x30000UL, report.Policy.Value);
        Assert.Equal(Sha384Digest.Parse("7a1e5c266c0108dbc9bb94fa926951320940915d0aafb42464bd88b579ea158d3e1a0dc39b2c60bd95b9c480cd81841f"), report.Measurement);
        Assert.Equal(
            "d447b55d197491bfe15cf298f9de9986b7a7c4be2468b4f6e2d53b71d7c645810b0f2cdfca0040433be063fc1a8293f0f3f8dae7b79fecb3d1cd82bd6a93ebfd",
            Hex.Of(report.ReportData));
        Assert.Equal(Opaque32.Zero, report.HostData);
        Assert.Equal((4, 52, 1), (report.CurrentBuild, report.CurrentMinor, report.CurrentMajor));
        Assert.Equal("92b3b47d59f0a2a10a74c5678868a80238cf593c01a82f3cffb878e904c28d5b", Hex.Of(report.ReportId));
        Assert.Equal(0x7308000000000003UL, report.CommittedTcb.Raw);
    }

    [SampleDataFact]
    public void The_azure_report_binds_the_hcl_variable_data_and_matches_the_values_decoded_here()
    {
        byte[] hclBytes = SampleData.Read(SampleInventory.AzureSnpHclReport);
        var hcl = new AzureHclReport(hclBytes);
        byte[] slice = SampleData.Read(SampleInventory.AzureSnpReportSlice);
        SnpReport report = SnpReport.Parse(slice);

        Assert.Equal("HCLA"u8.ToArray(), hcl.Signature.ToArray());
        Assert.Equal(2u, hcl.RequestReportType);
        Assert.True(hcl.HardwareReport(SnpReport.MinimumSize).SequenceEqual(slice));
        Assert.Equal(Hex.ZeroPadded("b3fbad6514c83caeb0380882145e49f794229ef37c421b91fc47ff93556bafac", 64), Hex.Of(report.ReportData));
        Assert.Equal(Hex.ZeroPadded(Hex.Of(hcl.VariableDataSha256()), 64), Hex.Of(report.ReportData));
        Assert.Equal(Sha384Digest.Parse("9ac48fcac8a2d88aeeff8d427ad4f2be0e3917c748a18bdf52cc317e7fe20308b459d5ef1a12e0c22944eb386d17c315"), report.Measurement);
        Assert.Equal(5u, report.GuestSvn);
        Assert.Equal(0xd208000000000003UL, report.CurrentTcb.Raw);
        Assert.Equal(Hex.ZeroPadded("01", 16), Hex.Of(report.FamilyId));
        Assert.Equal(SnpReport.Parse(hcl.HardwareReport(SnpReport.MinimumSize)).Measurement, report.Measurement);
    }
}
