namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// <c>default(TdReport)</c> and the other shipped views cover no bytes. The generated getters read without bounds
/// checks, so every field read of a default view must stop at the one check it has and throw the documented
/// <see cref="InvalidOperationException"/>: never read outside the (empty) buffer, never an IndexOutOfRangeException.
/// </summary>
public sealed class DefaultViewTests
{
    private static readonly Dictionary<string, Action> ReadsByName = new()
    {
        ["TdReport.ReportType"] = () => _ = default(TdReport).ReportType,
        ["TdReport.ReportSubtype"] = () => _ = default(TdReport).ReportSubtype,
        ["TdReport.ReportVersion"] = () => _ = default(TdReport).ReportVersion,
        ["TdReport.CpuSvn"] = () => _ = default(TdReport).CpuSvn,
        ["TdReport.TeeTcbInfoHash"] = () => _ = default(TdReport).TeeTcbInfoHash,
        ["TdReport.TeeInfoHash"] = () => _ = default(TdReport).TeeInfoHash,
        ["TdReport.ReportData"] = () => _ = default(TdReport).ReportData,
        ["TdReport.Mac"] = () => _ = default(TdReport).Mac,
        ["TdReport.TeeTcbInfoValid"] = () => _ = default(TdReport).TeeTcbInfoValid,
        ["TdReport.TeeTcbSvn"] = () => _ = default(TdReport).TeeTcbSvn,
        ["TdReport.MrSeam"] = () => _ = default(TdReport).MrSeam,
        ["TdReport.MrSignerSeam"] = () => _ = default(TdReport).MrSignerSeam,
        ["TdReport.SeamAttributes"] = () => _ = default(TdReport).SeamAttributes,
        ["TdReport.TeeTcbSvn2"] = () => _ = default(TdReport).TeeTcbSvn2,
        ["TdReport.TdAttributes"] = () => _ = default(TdReport).TdAttributes,
        ["TdReport.Xfam"] = () => _ = default(TdReport).Xfam,
        ["TdReport.MrTd"] = () => _ = default(TdReport).MrTd,
        ["TdReport.MrConfigId"] = () => _ = default(TdReport).MrConfigId,
        ["TdReport.MrOwner"] = () => _ = default(TdReport).MrOwner,
        ["TdReport.MrOwnerConfig"] = () => _ = default(TdReport).MrOwnerConfig,
        ["TdReport.Rtmr0"] = () => _ = default(TdReport).Rtmr0,
        ["TdReport.Rtmr1"] = () => _ = default(TdReport).Rtmr1,
        ["TdReport.Rtmr2"] = () => _ = default(TdReport).Rtmr2,
        ["TdReport.Rtmr3"] = () => _ = default(TdReport).Rtmr3,
        ["TdReport.ServTdHash"] = () => _ = default(TdReport).ServTdHash,
        ["TdReport.VisitFields"] = () => default(TdReport).VisitFields(new FieldNameRecorder()),
        ["TdReport.InternalHashesMatch"] = () => _ = default(TdReport).InternalHashesMatch(),
        ["TdQuote.Version"] = () => _ = default(TdQuote).Version,
        ["TdQuote.AttestationKeyType"] = () => _ = default(TdQuote).AttestationKeyType,
        ["TdQuote.TeeType"] = () => _ = default(TdQuote).TeeType,
        ["TdQuote.HeaderReserved"] = () => _ = default(TdQuote).HeaderReserved,
        ["TdQuote.QeVendorId"] = () => _ = default(TdQuote).QeVendorId,
        ["TdQuote.UserData"] = () => _ = default(TdQuote).UserData,
        ["TdQuote.Body"] = () => _ = default(TdQuote).Body,
        ["TdQuote.BodyType"] = () => _ = default(TdQuote).BodyType,
        ["TdQuote.BodySize"] = () => _ = default(TdQuote).BodySize,
        ["TdQuote.SignatureDataLength"] = () => _ = default(TdQuote).SignatureDataLength,
        ["TdQuote.SignatureData"] = () => _ = default(TdQuote).SignatureData,
        ["TdQuote.VisitFields"] = () => default(TdQuote).VisitFields(new FieldNameRecorder()),
        ["TdQuoteBody.TeeTcbSvn"] = () => _ = default(TdQuoteBody).TeeTcbSvn,
        ["TdQuoteBody.MrSeam"] = () => _ = default(TdQuoteBody).MrSeam,
        ["TdQuoteBody.MrSignerSeam"] = () => _ = default(TdQuoteBody).MrSignerSeam,
        ["TdQuoteBody.SeamAttributes"] = () => _ = default(TdQuoteBody).SeamAttributes,
        ["TdQuoteBody.TdAttributes"] = () => _ = default(TdQuoteBody).TdAttributes,
        ["TdQuoteBody.Xfam"] = () => _ = default(TdQuoteBody).Xfam,
        ["TdQuoteBody.MrTd"] = () => _ = default(TdQuoteBody).MrTd,
        ["TdQuoteBody.MrConfigId"] = () => _ = default(TdQuoteBody).MrConfigId,
        ["TdQuoteBody.MrOwner"] = () => _ = default(TdQuoteBody).MrOwner,
        ["TdQuoteBody.MrOwnerConfig"] = () => _ = default(TdQuoteBody).MrOwnerConfig,
        ["TdQuoteBody.Rtmr0"] = () => _ = default(TdQuoteBody).Rtmr0,
        ["TdQuoteBody.Rtmr1"] = () => _ = default(TdQuoteBody).Rtmr1,
        ["TdQuoteBody.Rtmr2"] = () => _ = default(TdQuoteBody).Rtmr2,
        ["TdQuoteBody.Rtmr3"] = () => _ = default(TdQuoteBody).Rtmr3,
        ["TdQuoteBody.ReportData"] = () => _ = default(TdQuoteBody).ReportData,
        ["TdQuoteBody.TeeTcbSvn2"] = () => _ = default(TdQuoteBody).TeeTcbSvn2,
        ["TdQuoteBody.MrServiceTd"] = () => _ = default(TdQuoteBody).MrServiceTd,
        ["TdQuoteBody.VisitFields"] = () => default(TdQuoteBody).VisitFields(new FieldNameRecorder()),
        ["TdQuoteSignatureData.Signature"] = () => _ = default(TdQuoteSignatureData).Signature,
        ["TdQuoteSignatureData.AttestationKey"] = () => _ = default(TdQuoteSignatureData).AttestationKey,
        ["TdQuoteSignatureData.CertificationDataType"] = () => _ = default(TdQuoteSignatureData).CertificationDataType,
        ["TdQuoteSignatureData.CertificationDataSize"] = () => _ = default(TdQuoteSignatureData).CertificationDataSize,
        ["TdQuoteSignatureData.CertificationData"] = () => _ = default(TdQuoteSignatureData).CertificationData,
        ["TdQuoteSignatureData.VisitFields"] = () => default(TdQuoteSignatureData).VisitFields(new FieldNameRecorder()),
        ["QeReportCertificationData.QeReport"] = () => _ = default(QeReportCertificationData).QeReport,
        ["QeReportCertificationData.QeReportSignature"] = () => _ = default(QeReportCertificationData).QeReportSignature,
        ["QeReportCertificationData.QeAuthDataSize"] = () => _ = default(QeReportCertificationData).QeAuthDataSize,
        ["QeReportCertificationData.QeAuthData"] = () => _ = default(QeReportCertificationData).QeAuthData,
        ["QeReportCertificationData.PckCertDataType"] = () => _ = default(QeReportCertificationData).PckCertDataType,
        ["QeReportCertificationData.PckCertDataSize"] = () => _ = default(QeReportCertificationData).PckCertDataSize,
        ["QeReportCertificationData.PckCertChain"] = () => _ = default(QeReportCertificationData).PckCertChain,
        ["QeReportCertificationData.VisitFields"] = () => default(QeReportCertificationData).VisitFields(new FieldNameRecorder()),
        ["SgxReportBody.CpuSvn"] = () => _ = default(SgxReportBody).CpuSvn,
        ["SgxReportBody.MiscSelect"] = () => _ = default(SgxReportBody).MiscSelect,
        ["SgxReportBody.IsvExtProdId"] = () => _ = default(SgxReportBody).IsvExtProdId,
        ["SgxReportBody.Attributes"] = () => _ = default(SgxReportBody).Attributes,
        ["SgxReportBody.MrEnclave"] = () => _ = default(SgxReportBody).MrEnclave,
        ["SgxReportBody.MrSigner"] = () => _ = default(SgxReportBody).MrSigner,
        ["SgxReportBody.ConfigId"] = () => _ = default(SgxReportBody).ConfigId,
        ["SgxReportBody.IsvProdId"] = () => _ = default(SgxReportBody).IsvProdId,
        ["SgxReportBody.IsvSvn"] = () => _ = default(SgxReportBody).IsvSvn,
        ["SgxReportBody.ConfigSvn"] = () => _ = default(SgxReportBody).ConfigSvn,
        ["SgxReportBody.IsvFamilyId"] = () => _ = default(SgxReportBody).IsvFamilyId,
        ["SgxReportBody.ReportData"] = () => _ = default(SgxReportBody).ReportData,
        ["SgxReportBody.VisitFields"] = () => default(SgxReportBody).VisitFields(new FieldNameRecorder()),
        ["SnpReport.Version"] = () => _ = default(SnpReport).Version,
        ["SnpReport.GuestSvn"] = () => _ = default(SnpReport).GuestSvn,
        ["SnpReport.Policy"] = () => _ = default(SnpReport).Policy,
        ["SnpReport.FamilyId"] = () => _ = default(SnpReport).FamilyId,
        ["SnpReport.ImageId"] = () => _ = default(SnpReport).ImageId,
        ["SnpReport.Vmpl"] = () => _ = default(SnpReport).Vmpl,
        ["SnpReport.SignatureAlgo"] = () => _ = default(SnpReport).SignatureAlgo,
        ["SnpReport.CurrentTcb"] = () => _ = default(SnpReport).CurrentTcb,
        ["SnpReport.PlatformInfo"] = () => _ = default(SnpReport).PlatformInfo,
        ["SnpReport.SignerInfo"] = () => _ = default(SnpReport).SignerInfo,
        ["SnpReport.ReportData"] = () => _ = default(SnpReport).ReportData,
        ["SnpReport.Measurement"] = () => _ = default(SnpReport).Measurement,
        ["SnpReport.HostData"] = () => _ = default(SnpReport).HostData,
        ["SnpReport.IdKeyDigest"] = () => _ = default(SnpReport).IdKeyDigest,
        ["SnpReport.AuthorKeyDigest"] = () => _ = default(SnpReport).AuthorKeyDigest,
        ["SnpReport.ReportId"] = () => _ = default(SnpReport).ReportId,
        ["SnpReport.ReportIdMa"] = () => _ = default(SnpReport).ReportIdMa,
        ["SnpReport.ReportedTcb"] = () => _ = default(SnpReport).ReportedTcb,
        ["SnpReport.CpuidFamId"] = () => _ = default(SnpReport).CpuidFamId,
        ["SnpReport.CpuidModId"] = () => _ = default(SnpReport).CpuidModId,
        ["SnpReport.CpuidStep"] = () => _ = default(SnpReport).CpuidStep,
        ["SnpReport.ChipId"] = () => _ = default(SnpReport).ChipId,
        ["SnpReport.CommittedTcb"] = () => _ = default(SnpReport).CommittedTcb,
        ["SnpReport.CurrentBuild"] = () => _ = default(SnpReport).CurrentBuild,
        ["SnpReport.CurrentMinor"] = () => _ = default(SnpReport).CurrentMinor,
        ["SnpReport.CurrentMajor"] = () => _ = default(SnpReport).CurrentMajor,
        ["SnpReport.CommittedBuild"] = () => _ = default(SnpReport).CommittedBuild,
        ["SnpReport.CommittedMinor"] = () => _ = default(SnpReport).CommittedMinor,
        ["SnpReport.CommittedMajor"] = () => _ = default(SnpReport).CommittedMajor,
        ["SnpReport.LaunchTcb"] = () => _ = default(SnpReport).LaunchTcb,
        ["SnpReport.LaunchMitVector"] = () => _ = default(SnpReport).LaunchMitVector,
        ["SnpReport.CurrentMitVector"] = () => _ = default(SnpReport).CurrentMitVector,
        ["SnpReport.Signature"] = () => _ = default(SnpReport).Signature,
        ["SnpReport.VisitFields"] = () => default(SnpReport).VisitFields(new FieldNameRecorder()),
    };

    public static TheoryData<string> Reads => new(ReadsByName.Keys);

    [Theory]
    [MemberData(nameof(Reads))]
    public void Every_field_read_of_a_default_view_throws_the_documented_exception(string read)
    {
        InvalidOperationException error = Assert.Throws<InvalidOperationException>(ReadsByName[read]);

        string layout = read[..read.IndexOf('.', StringComparison.Ordinal)];
        Assert.Equal(layout + " is a default view over no bytes; create it with " + layout + ".Parse or " + layout + ".TryParse before reading its fields.", error.Message);
    }

    [Fact]
    public void Every_field_of_every_shipped_view_type_is_read_here()
    {
        Type[] views = [typeof(TdReport), typeof(TdQuote), typeof(TdQuoteBody), typeof(TdQuoteSignatureData), typeof(QeReportCertificationData), typeof(SgxReportBody), typeof(SnpReport)];
        string[] metadata = ["Bytes", "Length", "TrailingBytes", "LayoutVersion"];

        string[] fields = [.. views.SelectMany(static v => v.GetProperties().Select(p => v.Name + "." + p.Name))
            .Where(f => !metadata.Any(m => f.EndsWith("." + m, StringComparison.Ordinal)) && !f.EndsWith("Offset", StringComparison.Ordinal) && !f.Contains(".Has", StringComparison.Ordinal))];

        Assert.Empty(fields.Except(ReadsByName.Keys));
    }

    [Fact]
    public void A_default_view_is_empty_and_has_no_optional_fields()
    {
        TdReport report = default;
        TdQuote quote = default;

        Assert.Equal(0, report.Length);
        Assert.True(report.Bytes.IsEmpty);
        Assert.False(report.HasServTdHash);
        Assert.Equal(0, quote.Length);
        Assert.True(quote.TrailingBytes.IsEmpty);
        Assert.False(quote.HasBody);
    }

    [Fact]
    public void A_failed_try_parse_leaves_a_default_view_that_throws_on_reads()
    {
        Assert.Throws<InvalidOperationException>(static () =>
        {
            Assert.False(TdReport.TryParse(new byte[10], out TdReport report));
            _ = report.MrTd;
        });
    }
}
