using System.Security.Cryptography;
using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// TDREPORT_STRUCT parsing on real reports, with the values their source projects state (MANIFEST.md §2). Tests whose
/// name says "decoded here" check values MANIFEST.md only decoded itself (Appendix A): cross-checks, not source statements.
/// </summary>
public sealed class TdReportTests
{
    public static TheoryData<string> ValidReports => new(SampleInventory.TdReports);

    [SampleDataFact]
    public void The_guest_components_report_has_the_rtmrs_its_tests_state()
    {
        TdReport report = TdReport.Parse(SampleData.Read(SampleInventory.CocoGcTdReport));

        Assert.Equal(0x81, report.ReportType);
        Assert.Equal(1, report.ReportVersion);
        Assert.Equal(Sha384Digest.Parse("f4ec1a04670fe7926cd5de4aef9aaa7689ab4ceaa132d7c5242b47f67dfaaea64c372a17ad68fef9a6ac99aabbddabdc"), report.Rtmr0);
        Assert.Equal(Sha384Digest.Parse("4e5f8826653198ab4bc5156fbe4bc99db054c0b8239a16c4b59249fb427f4acc50eed1b46a85c7d526c4e1e47621b14c"), report.Rtmr1);
        Assert.Equal(Sha384Digest.Zero, report.Rtmr2);
        Assert.Equal(Sha384Digest.Zero, report.Rtmr3);
        Assert.True(report.HasServTdHash);
        Assert.True(report.InternalHashesMatch());
    }

    [SampleDataFact]
    public void The_guest_components_report_matches_the_values_decoded_here()
    {
        TdReport report = TdReport.Parse(SampleData.Read(SampleInventory.CocoGcTdReport));

        Assert.Equal(0, report.ReportSubtype);
        Assert.Equal("05010200000000000000000000000000", Hex.Of(report.TeeTcbSvn));
        Assert.True(report.HasTeeTcbSvn2);
        Assert.Equal(Sha384Digest.Parse("1cc6a17ab799e9a693fac7536be61c12ee1e0fabada82d0c999e08ccee2aa86de77b0870f558c570e7ffe55d6d47fa04"), report.MrSeam);
        Assert.Equal(Hex.UInt64LittleEndian("0000001000000000"), report.TdAttributes.Value);
        Assert.True(report.TdAttributes.SeptVeDisable);
        Assert.False(report.TdAttributes.Debug);
        Assert.Equal(Hex.UInt64LittleEndian("e742060000000000"), report.Xfam);
        Assert.Equal(Sha384Digest.Parse("98bbc39e3e27b4cb27ed6d21870b187738f64ec44b9f3f93d603b35a84e610dcb45f1b6d79c648c7bf8e68f7a37b8ab5"), report.MrTd);
        Assert.Equal(Hex.Zeros(64), Hex.Of(report.ReportData));
        Assert.Equal(Sha384Digest.Parse("383c87d3bbb047b2d171eaca95312ede99f258088dc788f6ae2ccf8b6dd848fe8d47629e08b3f6cbd4a00dd47a5a033d"), report.ServTdHash);
        Assert.Equal(Sha384Digest.Parse("4aae0ddaf69f3ac3d5f642d3ecdfc32ca0921d9bb78fd528cf697698d483d182c0c7d5d8be6ba4965413bfcb6aef9c1b"), report.TeeTcbInfoHash);
        Assert.Equal(Sha384Digest.Parse("4359ed4ccf212320bbc3f8e06117de4edb8fe2ec369a068ddd94e031143f17580d865b317d77be3a9305d201eef442d1"), report.TeeInfoHash);
    }

    [SampleDataFact]
    public void The_intel_dcap_report_is_a_tdx_1_0_report_without_the_tdx_1_5_fields()
    {
        byte[] bytes = SampleData.Read(SampleInventory.IntelDcapTdReport);
        TdReport report = TdReport.Parse(bytes);

        Assert.Equal(0x81, report.ReportType);
        Assert.Equal(0, report.ReportVersion);
        Assert.False(report.HasServTdHash);
        Assert.Null(report.ServTdHash);
        Assert.False(report.HasTeeTcbSvn2);
        ReportFieldNotPresentException missing = Assert.Throws<ReportFieldNotPresentException>(() => TdReport.Parse(bytes).TeeTcbSvn2.Length);
        Assert.Equal("TdReport", missing.Layout);
        Assert.Equal("teetcbsvn2", missing.Field);
    }

    [SampleDataFact]
    public void The_intel_dcap_report_matches_the_values_decoded_here()
    {
        TdReport report = TdReport.Parse(SampleData.Read(SampleInventory.IntelDcapTdReport));

        Assert.Equal("04000500000000000000000000000000", Hex.Of(report.TeeTcbSvn));
        Assert.Equal(Sha384Digest.Parse("48fa69949db08002ee84252847f572988b1d6e568ec1353f64cb6c0fd905375f69ad959c0eaf7747ac70a392789302a1"), report.MrSeam);
        Assert.Equal(Hex.UInt64LittleEndian("0000005000000000"), report.TdAttributes.Value);
        Assert.Equal(Hex.UInt64LittleEndian("e702060000000000"), report.Xfam);
        Assert.Equal(Sha384Digest.Parse("bb1249bde960ef9b22d56eefb94b7f40ca3b528b31e6e4af0babb075c02ce5c1f63681101779927ea604f5aa49ec95b3"), report.MrTd);
        Assert.Equal(Sha384Digest.Parse("e1af75e61927410e42b54b39f6681cf9b0bfbae512b15e870e4c8d9d5a5cb385571b0e1dc2f70bf9ccef08560f0a2b58"), report.Rtmr0);
        Assert.Equal(Sha384Digest.Parse("eac22f0257a3dcce04d13a8ec1e5e89112e1bc649e743845f58598f6e13bc7fc62506296235aa300eab6b16292cd8a9c"), report.Rtmr1);
        Assert.Equal(Sha384Digest.Zero, report.Rtmr2);
        Assert.Equal(Sha384Digest.Zero, report.Rtmr3);
        Assert.Equal(
            "b46a00ebf78bcdff4a1d54bd4d8780427f9dbace511059be041209444c7bde00e5deebdc6ab9dcb4d6307123b7f165368e1f04df305d9d3470a679bc2257bd07",
            Hex.Of(report.ReportData));
        Assert.Equal(Sha384Digest.Parse("3e00fdef8508b231f93d722b971a9fb151264e7fe41fb8a4dd7bfdfc0692d5ad08fa9addf3ed771eb15b1b56c7f72197"), report.TeeTcbInfoHash);
        Assert.Equal(Sha384Digest.Parse("c155ed68c23976c9737ab9e75b9bd85076c6fd42d30978308e1f40aebeb2509789c25487c1270296b83c25e3c39ecd10"), report.TeeInfoHash);
    }

    [SampleDataFact]
    public void Visiting_a_tdreport_names_exactly_the_fields_of_its_version()
    {
        var v0 = new FieldNameRecorder();
        TdReport.Parse(SampleData.Read(SampleInventory.IntelDcapTdReport)).VisitFields(v0);
        var v1 = new FieldNameRecorder();
        TdReport.Parse(SampleData.Read(SampleInventory.CocoGcTdReport)).VisitFields(v1);

        Assert.DoesNotContain("servtdhash", v0.Names);
        Assert.DoesNotContain("teetcbsvn2", v0.Names);
        Assert.Equal(v0.Names.Count + 2, v1.Names.Count);
        Assert.Equal(new[] { "teetcbsvn2", "servtdhash" }, v1.Names.Except(v0.Names));
        Assert.Contains("rtmr3", v0.Names);
    }

    [SampleDataTheory]
    [MemberData(nameof(ValidReports))]
    public void Every_valid_tdreport_hashes_its_tee_tcb_info_and_tdinfo(string file)
    {
        byte[] bytes = SampleData.Read(file);
        TdReport report = TdReport.Parse(bytes);

        // MANIFEST.md "Independent checks": sha384(TEE_TCB_INFO[239]) and sha384(TDINFO[512]); computed here without the parser.
        Assert.Equal(Hex.Of(SHA384.HashData(bytes.AsSpan(256, 239))), Hex.Of(report.TeeTcbInfoHash.Bytes));
        Assert.Equal(Hex.Of(SHA384.HashData(bytes.AsSpan(512, 512))), Hex.Of(report.TeeInfoHash.Bytes));
        Assert.True(report.InternalHashesMatch());
        Assert.Equal(1024, report.Length);
        Assert.True(report.Bytes.SequenceEqual(bytes));
    }

    [SampleDataFact]
    public void The_azure_tdreport_binds_the_hcl_variable_data_in_its_report_data()
    {
        var hcl = new AzureHclReport(SampleData.Read(SampleInventory.AzureTdxHclReport));
        TdReport report = TdReport.Parse(SampleData.Read(SampleInventory.AzureTdReportSlice));

        // Stated by trustee az_tdx_vtpm/mod.rs:120-127, 171-176: report_data[0:32] == sha256(HCL variable data).
        Assert.Equal("9734504f161d104c74e3165c15f779b06a9bb40dfa71937817d7eee68e593839", Hex.Of(hcl.VariableDataSha256()));
        Assert.Equal(Hex.Of(hcl.VariableDataSha256()), Hex.Of(report.ReportData[..32]));
        Assert.Equal(Hex.Zeros(32), Hex.Of(report.ReportData[32..]));
        Assert.Equal(4u, hcl.RequestReportType);
        Assert.Equal(1u, hcl.RequestHashType);
    }

    [SampleDataFact]
    public void The_azure_tdreport_slice_is_the_hardware_report_inside_the_hcl_report()
    {
        byte[] hclBytes = SampleData.Read(SampleInventory.AzureTdxHclReport);
        var hcl = new AzureHclReport(hclBytes);
        byte[] slice = SampleData.Read(SampleInventory.AzureTdReportSlice);

        Assert.Equal("HCLA"u8.ToArray(), hcl.Signature.ToArray());
        Assert.Equal(2u, hcl.Version);
        Assert.True(hcl.HardwareReport(TdReport.MinimumSize).SequenceEqual(slice));
        TdReport inPlace = TdReport.Parse(hcl.HardwareReport(TdReport.MinimumSize));
        Assert.Equal(TdReport.Parse(slice).MrTd, inPlace.MrTd);
        Assert.True(inPlace.InternalHashesMatch());

        ReportFormatException whole = Assert.Throws<ReportFormatException>(() => TdReport.Parse(hclBytes).Length);
        Assert.Equal(0, whole.Offset);
        Assert.Contains("'reporttype' is 72", whole.Reason, StringComparison.Ordinal);
    }

    [SampleDataFact]
    public void The_azure_tdreport_matches_the_values_decoded_here_and_its_td_quote()
    {
        TdReport report = TdReport.Parse(SampleData.Read(SampleInventory.AzureTdReportSlice));
        TdQuoteBody quote = TdQuote.Parse(SampleData.Read(SampleInventory.AzureTdQuote)).Body;

        Assert.Equal(0, report.ReportVersion);
        Assert.False(report.HasServTdHash);
        Assert.Equal(Sha384Digest.Parse("024a32b070383331181619fa387cb4d55d1e38879f989933055ccad5bc2db795d1737b66205949d15469dc8c1ba7ab7b"), report.MrTd);
        Assert.Equal(Sha384Digest.Parse("360304d34a16aace0a18e09ad2d07d2b9fd3c174378e5bf108388079827f89ff62acc5f8c473dd40706324834e202946"), report.MrSeam);
        Assert.Equal("02010600000000000000000000000000", Hex.Of(report.TeeTcbSvn));
        Assert.Equal(0UL, report.TdAttributes.Value);
        Assert.Equal(Hex.UInt64LittleEndian("e718060000000000"), report.Xfam);
        Assert.Equal(Sha384Digest.Parse("8801be6397bf0ab3258a7c9eb72a73bee4c6fa4eafe1e3ac3c7d069a652d334593cb1e6ff49e347d538d5bfa19c8b3f9"), report.TeeTcbInfoHash);
        Assert.Equal(Sha384Digest.Parse("254e3d6b6120fac126e91d1709ef43a2d22b14cd2570ca388b21f1fbbdb02761c0cd2586b83cbcc3ba92688e6a5e8a73"), report.TeeInfoHash);

        // The TDREPORT and the quote the quoting enclave made from it (MANIFEST.md §2: MRTD/RTMRs/MRSEAM equal).
        Assert.Equal(quote.MrTd, report.MrTd);
        Assert.Equal(quote.MrSeam, report.MrSeam);
        Assert.Equal(quote.Rtmr0, report.Rtmr0);
        Assert.Equal(quote.Rtmr1, report.Rtmr1);
        Assert.Equal(quote.Rtmr2, report.Rtmr2);
        Assert.Equal(quote.Rtmr3, report.Rtmr3);
        Assert.Equal(Sha384Digest.Zero, report.Rtmr0);
        Assert.Equal(quote.TdAttributes.Value, report.TdAttributes.Value);
        Assert.Equal(quote.Xfam, report.Xfam);
        Assert.Equal(Hex.Of(quote.TeeTcbSvn), Hex.Of(report.TeeTcbSvn));
        Assert.Equal(Hex.Of(quote.ReportData), Hex.Of(report.ReportData));
    }
}
