namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>Runs one input through a parser and checks it; returns whether the parser accepted the input.</summary>
internal delegate bool ParserOracle(ReadOnlySpan<byte> data, long version);

/// <summary>
/// What every generated parser must do with any input: <c>TryParse</c> never throws; <c>Parse</c> throws nothing but
/// <see cref="ReportFormatException"/> (for its own layout, at an offset inside the input, with a reason), and exactly
/// when <c>TryParse</c> returns false; an accepted view reads completely (<see cref="ViewReader"/>). A broken rule is a
/// <see cref="FuzzPropertyException"/>; an exception from a parser escapes as it is.
/// </summary>
internal static class ParserOracles
{
    public static bool CheckTdReport(ReadOnlySpan<byte> data, long version)
    {
        bool accepted = TdReport.TryParse(data, out TdReport viaTry);
        TdReport report;
        try
        {
            report = TdReport.Parse(data);
        }
        catch (ReportFormatException e)
        {
            return Rejected(accepted, e, nameof(TdReport), data.Length);
        }

        Accepted(accepted, viaTry.Length, report.Length);
        ViewReader.ReadAll(report, new FieldToucher());
        return true;
    }

    public static bool CheckTdQuote(ReadOnlySpan<byte> data, long version)
    {
        bool accepted = TdQuote.TryParse(data, out TdQuote viaTry);
        TdQuote quote;
        try
        {
            quote = TdQuote.Parse(data);
        }
        catch (ReportFormatException e)
        {
            return Rejected(accepted, e, nameof(TdQuote), data.Length);
        }

        Accepted(accepted, viaTry.Length, quote.Length);
        ViewReader.ReadAll(quote, data.Length, new FieldToucher());
        return true;
    }

    public static bool CheckTdQuoteBody(ReadOnlySpan<byte> data, long version)
    {
        bool accepted = TdQuoteBody.TryParse(data, version, out TdQuoteBody viaTry);
        TdQuoteBody body;
        try
        {
            body = TdQuoteBody.Parse(data, version);
        }
        catch (ReportFormatException e)
        {
            return Rejected(accepted, e, nameof(TdQuoteBody), data.Length);
        }

        Accepted(accepted, viaTry.Length, body.Length);
        ViewReader.ReadAll(body, data.Length, new FieldToucher());
        return true;
    }

    public static bool CheckTdQuoteSignatureData(ReadOnlySpan<byte> data, long version)
    {
        bool accepted = TdQuoteSignatureData.TryParse(data, out TdQuoteSignatureData viaTry);
        TdQuoteSignatureData signature;
        try
        {
            signature = TdQuoteSignatureData.Parse(data);
        }
        catch (ReportFormatException e)
        {
            return Rejected(accepted, e, nameof(TdQuoteSignatureData), data.Length);
        }

        Accepted(accepted, viaTry.Length, signature.Length);
        ViewReader.ReadAll(signature, data.Length, new FieldToucher());
        return true;
    }

    public static bool CheckQeReportCertificationData(ReadOnlySpan<byte> data, long version)
    {
        bool accepted = QeReportCertificationData.TryParse(data, out QeReportCertificationData viaTry);
        QeReportCertificationData certification;
        try
        {
            certification = QeReportCertificationData.Parse(data);
        }
        catch (ReportFormatException e)
        {
            return Rejected(accepted, e, nameof(QeReportCertificationData), data.Length);
        }

        Accepted(accepted, viaTry.Length, certification.Length);
        ViewReader.ReadAll(certification, data.Length, new FieldToucher());
        return true;
    }

    public static bool CheckSgxReportBody(ReadOnlySpan<byte> data, long version)
    {
        bool accepted = SgxReportBody.TryParse(data, out SgxReportBody viaTry);
        SgxReportBody report;
        try
        {
            report = SgxReportBody.Parse(data);
        }
        catch (ReportFormatException e)
        {
            return Rejected(accepted, e, nameof(SgxReportBody), data.Length);
        }

        Accepted(accepted, viaTry.Length, report.Length);
        ViewReader.ReadAll(report, data.Length, new FieldToucher());
        return true;
    }

    public static bool CheckSnpReport(ReadOnlySpan<byte> data, long version)
    {
        bool accepted = SnpReport.TryParse(data, out SnpReport viaTry);
        SnpReport report;
        try
        {
            report = SnpReport.Parse(data);
        }
        catch (ReportFormatException e)
        {
            return Rejected(accepted, e, nameof(SnpReport), data.Length);
        }

        Accepted(accepted, viaTry.Length, report.Length);
        ViewReader.ReadAll(report, new FieldToucher());
        return true;
    }

    private static bool Rejected(bool acceptedByTryParse, ReportFormatException error, string layout, int inputLength)
    {
        if (acceptedByTryParse)
        {
            throw new FuzzPropertyException($"TryParse accepted what Parse rejects: {error.Message}");
        }

        if (error.Layout != layout || error.Offset < 0 || error.Offset > inputLength || string.IsNullOrWhiteSpace(error.Reason))
        {
            throw new FuzzPropertyException(
                $"Bad rejection: layout '{error.Layout}', offset {error.Offset} of {inputLength} bytes, reason '{error.Reason}'.");
        }

        return false;
    }

    private static void Accepted(bool acceptedByTryParse, int tryParseLength, int parseLength)
    {
        if (!acceptedByTryParse || tryParseLength != parseLength)
        {
            throw new FuzzPropertyException(
                $"Parse accepted {parseLength} bytes, but TryParse returned {acceptedByTryParse} with {tryParseLength} bytes.");
        }
    }
}
