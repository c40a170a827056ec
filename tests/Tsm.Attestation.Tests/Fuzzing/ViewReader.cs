namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>
/// Reads every property of a parsed view, nested views included, into a <see cref="FieldToucher"/>, then visits its
/// fields, and checks what must hold for any view a parser accepted: a field that reads is present, a field that is not
/// present throws <see cref="ReportFieldNotPresentException"/> or is null exactly when its Has-property is false, and
/// the dynamic offsets and lengths add up to the view's length. Any other exception escapes to the fuzz runner.
/// </summary>
internal static class ViewReader
{
    public static void ReadAll(TdReport report, FieldToucher t)
    {
        Require(report.Length == TdReport.MinimumSize && report.Bytes.Length == report.Length, "TdReport length");
        t.Integer("reporttype", report.ReportType);
        t.Integer("reportsubtype", report.ReportSubtype);
        t.Integer("reportversion", report.ReportVersion);
        t.Bytes("cpusvn", report.CpuSvn);
        t.Bytes("teetcbinfohash", report.TeeTcbInfoHash.Bytes);
        t.Bytes("teeinfohash", report.TeeInfoHash.Bytes);
        t.Bytes("reportdata", report.ReportData);
        t.Bytes("mac", report.Mac.Bytes);
        t.Integer("valid", report.TeeTcbInfoValid);
        t.Bytes("teetcbsvn", report.TeeTcbSvn);
        t.Bytes("mrseam", report.MrSeam.Bytes);
        t.Bytes("mrsignerseam", report.MrSignerSeam.Bytes);
        t.Integer("seamattributes", report.SeamAttributes);
        try
        {
            t.Bytes("teetcbsvn2", report.TeeTcbSvn2);
            Require(report.HasTeeTcbSvn2, "TdReport.TeeTcbSvn2 reads although HasTeeTcbSvn2 is false");
        }
        catch (ReportFieldNotPresentException)
        {
            Require(!report.HasTeeTcbSvn2, "TdReport.TeeTcbSvn2 throws although HasTeeTcbSvn2 is true");
        }

        t.Integer("tdattributes", report.TdAttributes.Value);
        t.Bytes("tdattributes.text", System.Text.Encoding.ASCII.GetBytes(report.TdAttributes.ToString()));
        t.Integer("xfam", report.Xfam);
        t.Bytes("mrtd", report.MrTd.Bytes);
        t.Bytes("mrconfigid", report.MrConfigId.Bytes);
        t.Bytes("mrowner", report.MrOwner.Bytes);
        t.Bytes("mrownerconfig", report.MrOwnerConfig.Bytes);
        t.Bytes("rtmr0", report.Rtmr0.Bytes);
        t.Bytes("rtmr1", report.Rtmr1.Bytes);
        t.Bytes("rtmr2", report.Rtmr2.Bytes);
        t.Bytes("rtmr3", report.Rtmr3.Bytes);
        Require(report.ServTdHash.HasValue == report.HasServTdHash, "TdReport.ServTdHash is null exactly when HasServTdHash is false");
        if (report.ServTdHash is Sha384Digest servTdHash)
        {
            t.Bytes("servtdhash", servTdHash.Bytes);
            Require(report.ServTdHashOffset + Sha384Digest.Size <= report.Length, "TdReport.ServTdHashOffset inside the report");
        }

        t.Integer("hashes", report.InternalHashesMatch() ? 1UL : 0UL);
        int before = t.Fields;
        report.VisitFields(t);
        Visited(t, before);
    }

    public static void ReadAll(TdQuote quote, int inputLength, FieldToucher t)
    {
        Require(quote.Bytes.Length == quote.Length && quote.Length + quote.TrailingBytes.Length == inputLength, "TdQuote length + trailing = input");
        t.Bytes("trailing", quote.TrailingBytes);
        t.Integer("version", quote.Version);
        t.Integer("attestationkeytype", quote.AttestationKeyType);
        t.Integer("teetype", quote.TeeType);
        t.Bytes("headerreserved", quote.HeaderReserved);
        t.Bytes("qevendorid", quote.QeVendorId);
        t.Bytes("userdata", quote.UserData);
        bool v5 = quote.Version == 5;
        Require(quote.Version is 4 or 5 && quote.HasBody, "TdQuote version 4 or 5 with a body");
        Require(quote.HasBodyType == v5 && quote.HasBodySize == v5, "TdQuote has a body type and size exactly in version 5");
        Require(quote.BodyType.HasValue == v5 && quote.BodySize.HasValue == v5, "TdQuote.BodyType/BodySize are null exactly in version 4");
        t.Integer("bodytype", quote.BodyType ?? 0);
        t.Integer("bodysize", quote.BodySize ?? 0);

        TdQuoteBody body = quote.Body;
        Require(quote.BodyOffset == (v5 ? 54 : 48), "TdQuote.BodyOffset");
        Require(body.Length == (v5 ? (int)quote.BodySize!.Value : TdQuoteBody.MinimumSize), "TdQuote.Body length");
        Require(body.LayoutVersion == (v5 ? quote.BodyType!.Value : 2), "TdQuote.Body layout version");
        ReadAll(body, body.Length, t);

        Require(quote.SignatureDataLengthOffset == quote.BodyOffset + body.Length, "TdQuote.SignatureDataLengthOffset follows the body");
        Require(quote.SignatureDataOffset == quote.SignatureDataLengthOffset + 4, "TdQuote.SignatureDataOffset follows its length");
        t.Integer("signaturedatalength", quote.SignatureDataLength);
        TdQuoteSignatureData signature = quote.SignatureData;
        Require(signature.Length == quote.SignatureDataLength, "TdQuote.SignatureData length = signaturedatalength");
        Require(quote.SignatureDataOffset + signature.Length == quote.Length, "TdQuote ends where its signature data ends");
        ReadAll(signature, signature.Length, t);
        int before = t.Fields;
        quote.VisitFields(t);
        Visited(t, before);
    }

    public static void ReadAll(TdQuoteBody body, int inputLength, FieldToucher t)
    {
        Require(body.Length == inputLength && body.Bytes.Length == inputLength, "TdQuoteBody length = input");
        t.Integer("layoutversion", (ulong)body.LayoutVersion);
        t.Bytes("teetcbsvn", body.TeeTcbSvn);
        t.Bytes("mrseam", body.MrSeam.Bytes);
        t.Bytes("mrsignerseam", body.MrSignerSeam.Bytes);
        t.Integer("seamattributes", body.SeamAttributes);
        t.Integer("tdattributes", body.TdAttributes.Value);
        t.Bytes("tdattributes.text", System.Text.Encoding.ASCII.GetBytes(body.TdAttributes.ToString()));
        t.Integer("xfam", body.Xfam);
        t.Bytes("mrtd", body.MrTd.Bytes);
        t.Bytes("mrconfigid", body.MrConfigId.Bytes);
        t.Bytes("mrowner", body.MrOwner.Bytes);
        t.Bytes("mrownerconfig", body.MrOwnerConfig.Bytes);
        t.Bytes("rtmr0", body.Rtmr0.Bytes);
        t.Bytes("rtmr1", body.Rtmr1.Bytes);
        t.Bytes("rtmr2", body.Rtmr2.Bytes);
        t.Bytes("rtmr3", body.Rtmr3.Bytes);
        t.Bytes("reportdata", body.ReportData);
        try
        {
            t.Bytes("teetcbsvn2", body.TeeTcbSvn2);
            Require(body.HasTeeTcbSvn2, "TdQuoteBody.TeeTcbSvn2 reads although HasTeeTcbSvn2 is false");
        }
        catch (ReportFieldNotPresentException)
        {
            Require(!body.HasTeeTcbSvn2, "TdQuoteBody.TeeTcbSvn2 throws although HasTeeTcbSvn2 is true");
        }

        Require(body.MrServiceTd.HasValue == body.HasMrServiceTd, "TdQuoteBody.MrServiceTd is null exactly when HasMrServiceTd is false");
        if (body.MrServiceTd is Sha384Digest mrServiceTd)
        {
            t.Bytes("mrservicetd", mrServiceTd.Bytes);
            Require(body.MrServiceTdOffset + Sha384Digest.Size == body.Length, "TdQuoteBody.MrServiceTd ends the body");
        }

        int before = t.Fields;
        body.VisitFields(t);
        Visited(t, before);
    }

    public static void ReadAll(TdQuoteSignatureData signature, int inputLength, FieldToucher t)
    {
        Require(signature.Length == inputLength && signature.Bytes.Length == inputLength, "TdQuoteSignatureData length = input");
        t.Bytes("signature", signature.Signature);
        t.Bytes("attestationkey", signature.AttestationKey);
        t.Integer("certificationdatatype", signature.CertificationDataType);
        t.Integer("certificationdatasize", signature.CertificationDataSize);
        QeReportCertificationData certification = signature.CertificationData;
        Require(certification.Length == signature.CertificationDataSize, "TdQuoteSignatureData.CertificationData length = certificationdatasize");
        Require(signature.CertificationDataOffset + certification.Length == signature.Length, "TdQuoteSignatureData ends where its certification data ends");
        ReadAll(certification, certification.Length, t);
        int before = t.Fields;
        signature.VisitFields(t);
        Visited(t, before);
    }

    public static void ReadAll(QeReportCertificationData certification, int inputLength, FieldToucher t)
    {
        Require(certification.Length == inputLength && certification.Bytes.Length == inputLength, "QeReportCertificationData length = input");
        ReadAll(certification.QeReport, SgxReportBody.MinimumSize, t);
        t.Bytes("qereportsignature", certification.QeReportSignature);
        t.Integer("qeauthdatasize", certification.QeAuthDataSize);
        t.Bytes("qeauthdata", certification.QeAuthData);
        Require(certification.QeAuthData.Length == certification.QeAuthDataSize, "QeReportCertificationData.QeAuthData length = qeauthdatasize");
        Require(certification.PckCertDataTypeOffset == certification.QeAuthDataOffset + certification.QeAuthDataSize, "pckcertdatatype follows qeauthdata");
        t.Integer("pckcertdatatype", certification.PckCertDataType);
        t.Integer("pckcertdatasize", certification.PckCertDataSize);
        t.Bytes("pckcertchain", certification.PckCertChain);
        Require(certification.PckCertChain.Length == certification.PckCertDataSize, "QeReportCertificationData.PckCertChain length = pckcertdatasize");
        Require(certification.PckCertChainOffset == certification.PckCertDataSizeOffset + 4, "pckcertchain follows pckcertdatasize");
        Require(certification.PckCertChainOffset + certification.PckCertChain.Length == certification.Length, "QeReportCertificationData ends where its chain ends");
        int before = t.Fields;
        certification.VisitFields(t);
        Visited(t, before);
    }

    public static void ReadAll(SgxReportBody report, int inputLength, FieldToucher t)
    {
        Require(report.Length == inputLength && report.Bytes.Length == inputLength, "SgxReportBody length = input");
        t.Bytes("cpusvn", report.CpuSvn);
        t.Integer("miscselect", report.MiscSelect);
        t.Bytes("isvextprodid", report.IsvExtProdId);
        t.Bytes("attributes", report.Attributes);
        t.Bytes("mrenclave", report.MrEnclave.Bytes);
        t.Bytes("mrsigner", report.MrSigner.Bytes);
        t.Bytes("configid", report.ConfigId);
        t.Integer("isvprodid", report.IsvProdId);
        t.Integer("isvsvn", report.IsvSvn);
        t.Integer("configsvn", report.ConfigSvn);
        t.Bytes("isvfamilyid", report.IsvFamilyId);
        t.Bytes("reportdata", report.ReportData);
        int before = t.Fields;
        report.VisitFields(t);
        Visited(t, before);
    }

    public static void ReadAll(SnpReport report, FieldToucher t)
    {
        Require(report.Length == SnpReport.MinimumSize && report.Bytes.Length == report.Length, "SnpReport length");
        t.Integer("version", report.Version);
        t.Integer("guestsvn", report.GuestSvn);
        t.Integer("policy", report.Policy.Value + report.Policy.AbiMajor + report.Policy.AbiMinor);
        t.Bytes("policy.text", System.Text.Encoding.ASCII.GetBytes(report.Policy.ToString()));
        t.Bytes("familyid", report.FamilyId);
        t.Bytes("imageid", report.ImageId);
        t.Integer("vmpl", report.Vmpl);
        t.Integer("signaturealgo", report.SignatureAlgo);
        Tcb(t, "currenttcb", report.CurrentTcb);
        t.Integer("platforminfo", report.PlatformInfo.Value);
        t.Bytes("platforminfo.text", System.Text.Encoding.ASCII.GetBytes(report.PlatformInfo.ToString()));
        t.Integer("signerinfo", report.SignerInfo.Value + report.SignerInfo.SigningKey);
        t.Bytes("signerinfo.text", System.Text.Encoding.ASCII.GetBytes(report.SignerInfo.ToString()));
        t.Bytes("reportdata", report.ReportData);
        t.Bytes("measurement", report.Measurement.Bytes);
        t.Bytes("hostdata", report.HostData.Bytes);
        t.Bytes("idkeydigest", report.IdKeyDigest.Bytes);
        t.Bytes("authorkeydigest", report.AuthorKeyDigest.Bytes);
        t.Bytes("reportid", report.ReportId);
        t.Bytes("reportidma", report.ReportIdMa);
        Tcb(t, "reportedtcb", report.ReportedTcb);
        Require(report.CpuidFamId.HasValue == report.HasCpuidFamId, "SnpReport.CpuidFamId is null exactly when HasCpuidFamId is false");
        Require(report.CpuidModId.HasValue == report.HasCpuidModId, "SnpReport.CpuidModId is null exactly when HasCpuidModId is false");
        Require(report.CpuidStep.HasValue == report.HasCpuidStep, "SnpReport.CpuidStep is null exactly when HasCpuidStep is false");
        t.Integer("cpuid", (ulong)(report.CpuidFamId ?? 0) + (report.CpuidModId ?? 0) + (report.CpuidStep ?? 0));
        t.Bytes("chipid", report.ChipId);
        Tcb(t, "committedtcb", report.CommittedTcb);
        t.Integer("current", (ulong)report.CurrentBuild + report.CurrentMinor + report.CurrentMajor);
        t.Integer("committed", (ulong)report.CommittedBuild + report.CommittedMinor + report.CommittedMajor);
        Tcb(t, "launchtcb", report.LaunchTcb);
        Require(report.LaunchMitVector.HasValue == report.HasLaunchMitVector, "SnpReport.LaunchMitVector is null exactly when HasLaunchMitVector is false");
        Require(report.CurrentMitVector.HasValue == report.HasCurrentMitVector, "SnpReport.CurrentMitVector is null exactly when HasCurrentMitVector is false");
        t.Integer("mitvectors", (report.LaunchMitVector ?? 0) + (report.CurrentMitVector ?? 0));
        t.Bytes("signature", report.Signature);
        int before = t.Fields;
        report.VisitFields(t);
        Visited(t, before);
    }

    private static void Tcb(FieldToucher t, string name, SnpTcbVersion tcb)
    {
        SnpTcbParts milan = tcb.MilanGenoa;
        SnpTcbParts turin = tcb.Turin;
        t.Integer(name, tcb.Raw + milan.Snp + milan.Microcode + (turin.Fmc ?? 0));
        t.Bytes(name + ".text", System.Text.Encoding.ASCII.GetBytes(tcb.ToString()));
    }

    private static void Visited(FieldToucher t, int before)
    {
        t.RequireBalanced();
        Require(t.Fields > before, "VisitFields visits at least one field");
    }

    private static void Require(bool condition, string property)
    {
        if (!condition)
        {
            throw new FuzzPropertyException($"Property broken: {property}.");
        }
    }
}
