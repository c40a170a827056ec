using System;
using System.Globalization;
using Tsm.Attestation;
using Tsm.Attestation.Cca;

namespace Tsm.Cli.Decoding;

/// <summary>
/// Finds a file's format (or takes the one the user named) and parses it with that format's parser: a binary layout
/// through <see cref="TsmCatalog.Parse"/>, the CCA token through <see cref="CcaToken.Parse(ReadOnlyMemory{byte})"/>.
/// </summary>
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
        if (detected.Format.IsLayout)
        {
            (int measured, ulong? version) = TsmCatalog.Parse(detected.Format.Name, file.AsSpan(detected.Start, length));
            string variant = version is { } v ? string.Create(CultureInfo.InvariantCulture, $"version {v}") : "no version field";
            return new DecodedReport(file, detected, measured, version, variant);
        }

        CcaToken token = CcaToken.Parse(file.AsMemory(detected.Start, length));
        string form = token.Format == CcaTokenFormat.Cmw907 ? "tag 907 (CMW collection)" : "tag 399 (legacy)";
        return new DecodedReport(file, detected, length, version: null, form);
    }
}
