using System;
using System.Buffers.Binary;
using Tsm.Attestation;

namespace Tsm.Cli.Decoding;

/// <summary>
/// Recognises a report by its leading bytes: a binary layout by the signature <see cref="TsmCatalog.HasSignature"/>
/// derives from its schema's fixed-offset <c>checks</c> (the format's parser then decides whether it is valid and reads
/// every field). A truncated report is still recognised, so its parser can say where it ends too early.
/// </summary>
internal static class FormatDetector
{
    /// <summary>The size of the MSG_REPORT_RSP header and of the Azure HCL report header.</summary>
    private const int EnvelopeHeaderSize = 32;

    /// <summary>What an unrecognised file was compared with, for the error message.</summary>
    private const string Tried =
        "tried tdquote (u16 version 4 or 5, key type 2, TEE type 0x81), tdreport (REPORTTYPE 0x81), "
        + "snpreport (u32 version 2-5, signature algorithm 1), ccatoken (CBOR tag 907 or 399), SEV-SNP MSG_REPORT_RSP and Azure HCL report envelopes";

    /// <summary>The format of <paramref name="file"/>; throws <see cref="UndecodableReportException"/> when none fits.</summary>
    public static DetectedReport Detect(ReadOnlySpan<byte> file)
    {
        if (file.IsEmpty)
        {
            throw new UndecodableReportException("not a recognised report", 0, "the file is empty");
        }

        if (file.StartsWith("HCLA"u8) && file.Length >= EnvelopeHeaderSize)
        {
            ReadOnlySpan<byte> inner = file[EnvelopeHeaderSize..];
            return IsTdReport(inner) ? Enveloped(file, ReportFormat.TdReport, ReportEnvelope.AzureHclReport, TdReport.MinimumSize)
                : IsSnpReport(inner) ? Enveloped(file, ReportFormat.SnpReport, ReportEnvelope.AzureHclReport, SnpReport.MinimumSize)
                : throw new UndecodableReportException("not a recognised report", EnvelopeHeaderSize, "an Azure HCL report that holds neither a TDREPORT nor an SEV-SNP report");
        }

        if (IsSnpMsgReportRsp(file))
        {
            return Enveloped(file, ReportFormat.SnpReport, ReportEnvelope.SnpMsgReportRsp, SnpReport.MinimumSize);
        }

        ReportFormat? plain = IsTdQuote(file) ? ReportFormat.TdQuote
            : IsTdReport(file) ? ReportFormat.TdReport
            : IsSnpReport(file) ? ReportFormat.SnpReport
            : IsCcaToken(file) ? ReportFormat.CcaToken
            : null;
        return plain is { } found
            ? new DetectedReport(found, ReportEnvelope.None, 0, Length: null)
            : throw new UndecodableReportException("not a recognised report", 0, $"the leading bytes {Leading(file)} match no known format ({Tried})");
    }

    /// <summary>A fixed-size report after an envelope's header: the envelope's bytes after the report are not part of it.</summary>
    private static DetectedReport Enveloped(ReadOnlySpan<byte> file, ReportFormat format, ReportEnvelope envelope, int size) =>
        new(format, envelope, EnvelopeHeaderSize, Math.Min(size, file.Length - EnvelopeHeaderSize));

    /// <summary>CBOR tag 399 (legacy CCA token collection, d9 01 8f) or tag 907 (CMW collection, d9 03 8b).</summary>
    private static bool IsCcaToken(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xD9, 0x01, 0x8F]) || data.StartsWith((ReadOnlySpan<byte>)[0xD9, 0x03, 0x8B]);

    /// <summary>u16 version 4 or 5, attestation key type 2 and TEE type 0x81 (the tdquote checks of schemas/tdx.tsm.json).</summary>
    private static bool IsTdQuote(ReadOnlySpan<byte> data) => TsmCatalog.HasSignature(ReportFormat.TdQuote.Name(), data);

    /// <summary>
    /// REPORTTYPE.TYPE 0x81 (the tdreport check of schemas/tdx.tsm.json), and the subtype 0 and reserved byte 0 the schema
    /// describes but its parser does not require, so that a stray 0x81 is not taken for a TDREPORT.
    /// </summary>
    private static bool IsTdReport(ReadOnlySpan<byte> data) =>
        TsmCatalog.HasSignature(ReportFormat.TdReport.Name(), data) && data.Length >= 4 && data[1] == 0 && data[3] == 0;

    /// <summary>Version 2 to 5 and, when the data gets that far, signature algorithm 1 (the snpreport checks of schemas/sev-snp.tsm.json).</summary>
    private static bool IsSnpReport(ReadOnlySpan<byte> data) => TsmCatalog.HasSignature(ReportFormat.SnpReport.Name(), data);

    /// <summary>Status 0 (success), report size 1184, 24 reserved zero bytes, then an SNP report.</summary>
    private static bool IsSnpMsgReportRsp(ReadOnlySpan<byte> data) =>
        data.Length > EnvelopeHeaderSize
        && BinaryPrimitives.ReadUInt32LittleEndian(data) == 0
        && BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) == SnpReport.MinimumSize
        && !data[8..EnvelopeHeaderSize].ContainsAnyExcept((byte)0)
        && IsSnpReport(data[EnvelopeHeaderSize..]);

    private static string Leading(ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(data[..Math.Min(8, data.Length)]);
}
