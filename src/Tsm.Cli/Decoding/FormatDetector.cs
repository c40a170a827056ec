using System;
using System.Buffers.Binary;
using System.Linq;
using Tsm.Attestation;

namespace Tsm.Cli.Decoding;

/// <summary>
/// Recognises a report by its leading bytes: a binary layout by the signature <see cref="TsmCatalog.HasSignature"/>
/// derives from its schema's fixed-offset <c>checks</c>, tried in <see cref="TsmCatalog.DetectionOrder"/> (the format's
/// parser then decides whether it is valid and reads every field), and the CCA token by its CBOR tag. A truncated
/// report is still recognised, so its parser can say where it ends too early.
/// </summary>
internal static class FormatDetector
{
    /// <summary>The size of the MSG_REPORT_RSP header and of the Azure HCL report header.</summary>
    private const int EnvelopeHeaderSize = 32;

    /// <summary>The layouts an Azure HCL report may hold: the paravisor's TDREPORT or SEV-SNP report.</summary>
    private static readonly string[] HclReportLayouts = ["tdreport", "snpreport"];

    /// <summary>What an unrecognised file was compared with, for the error message.</summary>
    private static readonly string Tried =
        "tried " + string.Join(", ", ReportFormat.All.Select(static f => $"{f.Name} ({f.SignatureText})"))
        + ", SEV-SNP MSG_REPORT_RSP and Azure HCL report envelopes";

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
            foreach (string layout in HclReportLayouts)
            {
                if (Matches(layout, inner))
                {
                    return Enveloped(file, layout, ReportEnvelope.AzureHclReport);
                }
            }

            throw new UndecodableReportException("not a recognised report", EnvelopeHeaderSize, "an Azure HCL report that holds neither a TDREPORT nor an SEV-SNP report");
        }

        if (IsSnpMsgReportRsp(file))
        {
            return Enveloped(file, "snpreport", ReportEnvelope.SnpMsgReportRsp);
        }

        foreach (ReportFormat format in ReportFormat.All)
        {
            if (format.IsLayout ? Matches(format.Name, file) : IsCcaToken(file))
            {
                return new DetectedReport(format, ReportEnvelope.None, 0, Length: null);
            }
        }

        throw new UndecodableReportException("not a recognised report", 0, $"the leading bytes {Leading(file)} match no known format ({Tried})");
    }

    /// <summary>A fixed-size report after an envelope's header: the envelope's bytes after the report are not part of it.</summary>
    private static DetectedReport Enveloped(ReadOnlySpan<byte> file, string layout, ReportEnvelope envelope) =>
        new(ReportFormat.Parse(layout)!, envelope, EnvelopeHeaderSize, Math.Min(TsmCatalog.MinimumSize(layout), file.Length - EnvelopeHeaderSize));

    /// <summary>
    /// The layout's catalog signature; a TDREPORT also needs the subtype 0 and reserved byte 0 of its REPORTTYPE that
    /// schemas/tdx.tsm.json describes but its parser does not require, so that a stray 0x81 is not taken for one.
    /// </summary>
    private static bool Matches(string layout, ReadOnlySpan<byte> data) =>
        TsmCatalog.HasSignature(layout, data) && (layout != "tdreport" || (data.Length >= 4 && data[1] == 0 && data[3] == 0));

    /// <summary>CBOR tag 399 (legacy CCA token collection, d9 01 8f) or tag 907 (CMW collection, d9 03 8b).</summary>
    private static bool IsCcaToken(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xD9, 0x01, 0x8F]) || data.StartsWith((ReadOnlySpan<byte>)[0xD9, 0x03, 0x8B]);

    /// <summary>Status 0 (success), report size 1184, 24 reserved zero bytes, then an SNP report.</summary>
    private static bool IsSnpMsgReportRsp(ReadOnlySpan<byte> data) =>
        data.Length > EnvelopeHeaderSize
        && BinaryPrimitives.ReadUInt32LittleEndian(data) == 0
        && BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) == TsmCatalog.MinimumSize("snpreport")
        && !data[8..EnvelopeHeaderSize].ContainsAnyExcept((byte)0)
        && Matches("snpreport", data[EnvelopeHeaderSize..]);

    private static string Leading(ReadOnlySpan<byte> data) =>
        Convert.ToHexStringLower(data[..Math.Min(8, data.Length)]);
}
