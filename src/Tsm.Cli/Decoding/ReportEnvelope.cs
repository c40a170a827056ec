namespace Tsm.Cli.Decoding;

/// <summary>A wrapper around a report that auto-detection looks through.</summary>
internal enum ReportEnvelope
{
    /// <summary>The report starts at byte 0.</summary>
    None,

    /// <summary>SEV-SNP MSG_REPORT_RSP: u32 status 0, u32 report size 1184, 24 reserved bytes, then the report (the /dev/sev-guest reply).</summary>
    SnpMsgReportRsp,

    /// <summary>Azure paravisor "HCLA" attestation report: a 32-byte header, then a TDREPORT or an SNP report.</summary>
    AzureHclReport,
}
