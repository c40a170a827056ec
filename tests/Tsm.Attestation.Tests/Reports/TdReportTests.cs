using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>TDREPORT_STRUCT parsing on real reports, with the values their source projects state (MANIFEST.md §2).</summary>
public sealed class TdReportTests
{
    [SampleDataFact]
    public void The_guest_components_report_has_the_rtmrs_its_tests_state()
    {
        TdReport report = TdReport.Parse(SampleData.Read("tdx/coco_gc_tdx_report_1.bin"));

        Assert.Equal(0x81, report.ReportType);
        Assert.Equal(1, report.ReportVersion);
        Assert.Equal(Sha384Digest.Parse("f4ec1a04670fe7926cd5de4aef9aaa7689ab4ceaa132d7c5242b47f67dfaaea64c372a17ad68fef9a6ac99aabbddabdc"), report.Rtmr0);
        Assert.Equal(Sha384Digest.Parse("4e5f8826653198ab4bc5156fbe4bc99db054c0b8239a16c4b59249fb427f4acc50eed1b46a85c7d526c4e1e47621b14c"), report.Rtmr1);
        Assert.Equal(Sha384Digest.Zero, report.Rtmr2);
        Assert.Equal(Sha384Digest.Zero, report.Rtmr3);
        Assert.True(report.HasServTdHash);
        Assert.True(report.InternalHashesMatch());
    }
}
