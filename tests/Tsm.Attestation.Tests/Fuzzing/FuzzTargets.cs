using Tsm.Attestation.Tests.Infrastructure;
using Tsm.Attestation.Tests.Reports;

namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>
/// Every generated parser with its real samples: the top-level ones on the sample files, the nested ones on the parts
/// of every quote, each with the offsets of its length, type and version fields (read from the parsed sample).
/// </summary>
internal static class FuzzTargets
{
    public static FuzzTarget Get(string name) => name switch
    {
        nameof(TdReport) => new(name, ParserOracles.CheckTdReport, false, TdReports()),
        nameof(TdQuote) => new(name, ParserOracles.CheckTdQuote, false, SampleInventory.TdQuotes.Select(Quote).ToList()),
        nameof(TdQuoteBody) => new(name, ParserOracles.CheckTdQuoteBody, true, SampleInventory.TdQuotes.Select(Body).ToList()),
        nameof(TdQuoteSignatureData) => new(name, ParserOracles.CheckTdQuoteSignatureData, false, SampleInventory.TdQuotes.Select(SignatureData).ToList()),
        nameof(QeReportCertificationData) => new(name, ParserOracles.CheckQeReportCertificationData, false, SampleInventory.TdQuotes.Select(CertificationData).ToList()),
        nameof(SgxReportBody) => new(name, ParserOracles.CheckSgxReportBody, false, SampleInventory.TdQuotes.Select(QeReport).ToList()),
        nameof(SnpReport) => new(name, ParserOracles.CheckSnpReport, false, SampleInventory.SnpReports.Select(Snp).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such parser."),
    };

    private static List<FuzzSample> TdReports()
    {
        LengthField[] fields = [new("reporttype", 0, 1), new("reportversion", 2, 1)];
        List<FuzzSample> samples = SampleInventory.TdReports
            .Select(file => new FuzzSample(file, SampleData.Read(file), 0, TdReport.MinimumSize, fields))
            .ToList();
        samples.Add(new FuzzSample(SampleInventory.ShiftedTdReport, SampleData.Read(SampleInventory.ShiftedTdReport), 0, int.MaxValue, fields));
        return samples;
    }

    private static FuzzSample Quote(string file)
    {
        byte[] bytes = SampleData.Read(file);
        TdQuote quote = TdQuote.Parse(bytes);
        var fields = new List<LengthField> { new("version", quote.VersionOffset, 2) };
        if (quote.HasBodyType)
        {
            fields.Add(new LengthField("bodytype", quote.BodyTypeOffset, 2));
            fields.Add(new LengthField("bodysize", quote.BodySizeOffset, 4));
        }

        fields.Add(new LengthField("signaturedatalength", quote.SignatureDataLengthOffset, 4));
        fields.AddRange(Shifted(SignatureDataFields(quote.SignatureData), quote.SignatureDataOffset));
        return new FuzzSample(file, bytes, 0, quote.Length, fields);
    }

    private static FuzzSample Body(string file)
    {
        TdQuoteBody body = TdQuote.Parse(SampleData.Read(file)).Body;
        return new FuzzSample(file + " body", body.Bytes.ToArray(), body.LayoutVersion, body.Length, []);
    }

    private static FuzzSample SignatureData(string file)
    {
        TdQuoteSignatureData signature = TdQuote.Parse(SampleData.Read(file)).SignatureData;
        return new FuzzSample(file + " signature data", signature.Bytes.ToArray(), 0, signature.Length, SignatureDataFields(signature));
    }

    private static FuzzSample CertificationData(string file)
    {
        QeReportCertificationData certification = TdQuote.Parse(SampleData.Read(file)).SignatureData.CertificationData;
        return new FuzzSample(file + " certification data", certification.Bytes.ToArray(), 0, certification.Length, CertificationDataFields(certification));
    }

    private static FuzzSample QeReport(string file)
    {
        SgxReportBody report = TdQuote.Parse(SampleData.Read(file)).SignatureData.CertificationData.QeReport;
        return new FuzzSample(file + " QE report", report.Bytes.ToArray(), 0, report.Length, []);
    }

    private static FuzzSample Snp(string file) =>
        new(file, SampleData.Read(file), 0, SnpReport.MinimumSize, [new("version", 0, 4), new("signaturealgo", 52, 4)]);

    private static List<LengthField> SignatureDataFields(TdQuoteSignatureData signature)
    {
        var fields = new List<LengthField>
        {
            new("certificationdatatype", signature.CertificationDataTypeOffset, 2),
            new("certificationdatasize", signature.CertificationDataSizeOffset, 4),
        };
        fields.AddRange(Shifted(CertificationDataFields(signature.CertificationData), signature.CertificationDataOffset));
        return fields;
    }

    private static List<LengthField> CertificationDataFields(QeReportCertificationData certification) =>
    [
        new("qeauthdatasize", certification.QeAuthDataSizeOffset, 2),
        new("pckcertdatatype", certification.PckCertDataTypeOffset, 2),
        new("pckcertdatasize", certification.PckCertDataSizeOffset, 4),
    ];

    private static IEnumerable<LengthField> Shifted(IEnumerable<LengthField> fields, int by) =>
        fields.Select(field => field with { Offset = field.Offset + by });
}
