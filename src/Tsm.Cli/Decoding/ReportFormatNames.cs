using System;

namespace Tsm.Cli.Decoding;

/// <summary>The names of <see cref="ReportFormat"/> on the command line and in output.</summary>
internal static class ReportFormatNames
{
    /// <summary>The names <c>--format</c> accepts besides <c>auto</c>, in detection order.</summary>
    public static readonly string[] All = ["tdquote", "tdreport", "snpreport", "ccatoken"];

    /// <summary>The short name: <c>tdquote</c>, <c>tdreport</c>, <c>snpreport</c> (the JSON <c>format</c> value).</summary>
    public static string Name(this ReportFormat format) => format switch
    {
        ReportFormat.TdQuote => "tdquote",
        ReportFormat.TdReport => "tdreport",
        ReportFormat.SnpReport => "snpreport",
        ReportFormat.CcaToken => "ccatoken",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>A title for people, e.g. "Intel TDX quote".</summary>
    public static string Title(this ReportFormat format) => format switch
    {
        ReportFormat.TdQuote => "Intel TDX quote",
        ReportFormat.TdReport => "Intel TDX TDREPORT",
        ReportFormat.SnpReport => "AMD SEV-SNP attestation report",
        ReportFormat.CcaToken => "Arm CCA attestation token",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format named <paramref name="name"/>, or null for <c>auto</c>.</summary>
    public static ReportFormat? Parse(string name) => name switch
    {
        "auto" => null,
        "tdquote" => ReportFormat.TdQuote,
        "tdreport" => ReportFormat.TdReport,
        "snpreport" => ReportFormat.SnpReport,
        "ccatoken" => ReportFormat.CcaToken,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown report format"),
    };
}
