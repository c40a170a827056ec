using System;
using Tsm.Attestation;
using Tsm.Attestation.Cca;

namespace Tsm.Cli.Decoding;

/// <summary>Finds a file's format (or takes the one the user named) and parses it with that format's parser.</summary>
internal static class ReportDecoder
{
    /// <summary>
    /// Decodes <paramref name="file"/> as <paramref name="format"/>, or detects the format when it is null.
    /// Throws <see cref="UndecodableReportException"/> naming the byte offset and the reason when that fails.
    /// </summary>
    public static DecodedReport Decode(byte[] file, ReportFormat? format)
    {
        DetectedReport detected = format is { } named
            ? new DetectedReport(named, ReportEnvelope.None, 0, Length: null)
            : FormatDetector.Detect(file);
        try
        {
            return Parse(file, detected);
        }
        catch (ReportFormatException error)
        {
            throw UndecodableReportException.From(error, detected.Start);
        }
    }

    private static DecodedReport Parse(byte[] file, DetectedReport detected)
    {
        int length = detected.Length ?? file.Length - detected.Start;
        ReadOnlySpan<byte> data = file.AsSpan(detected.Start, length);
        switch (detected.Format)
        {
            case ReportFormat.TdQuote:
                TdQuote quote = TdQuote.Parse(data);
                return new DecodedReport(file, detected, quote.Length, quote.Version, $"version {quote.Version}");
            case ReportFormat.TdReport:
                TdReport report = TdReport.Parse(data);
                return new DecodedReport(file, detected, report.Length, report.ReportVersion, $"version {report.ReportVersion}");
            case ReportFormat.SnpReport:
                SnpReport snp = SnpReport.Parse(data);
                return new DecodedReport(file, detected, snp.Length, snp.Version, $"version {snp.Version}");
            case ReportFormat.CcaToken:
                CcaToken token = CcaToken.Parse(file.AsMemory(detected.Start, length));
                string form = token.Format == CcaTokenFormat.Cmw907 ? "tag 907 (CMW collection)" : "tag 399 (legacy)";
                return new DecodedReport(file, detected, length, version: null, form);
            default:
                throw new ArgumentOutOfRangeException(nameof(detected), detected.Format, "unknown report format");
        }
    }
}
