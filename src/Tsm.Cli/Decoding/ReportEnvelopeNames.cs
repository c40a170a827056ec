using System;

namespace Tsm.Cli.Decoding;

/// <summary>The names of <see cref="ReportEnvelope"/> in output.</summary>
internal static class ReportEnvelopeNames
{
    /// <summary>The JSON <c>envelope</c> value: <c>msg-report-rsp</c> or <c>azure-hcl-report</c>.</summary>
    public static string Name(this ReportEnvelope envelope) => envelope switch
    {
        ReportEnvelope.SnpMsgReportRsp => "msg-report-rsp",
        ReportEnvelope.AzureHclReport => "azure-hcl-report",
        _ => throw new ArgumentOutOfRangeException(nameof(envelope)),
    };

    /// <summary>A title for people.</summary>
    public static string Title(this ReportEnvelope envelope) => envelope switch
    {
        ReportEnvelope.SnpMsgReportRsp => "SEV-SNP MSG_REPORT_RSP",
        ReportEnvelope.AzureHclReport => "Azure HCL report",
        _ => throw new ArgumentOutOfRangeException(nameof(envelope)),
    };
}
