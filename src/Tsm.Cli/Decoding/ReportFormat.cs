namespace Tsm.Cli.Decoding;

/// <summary>The evidence formats <c>tsm</c> decodes, each with its parser in Tsm.Attestation.</summary>
internal enum ReportFormat
{
    /// <summary>Intel TDX ECDSA quote, version 4 or 5 (<see cref="Tsm.Attestation.TdQuote"/>).</summary>
    TdQuote,

    /// <summary>Intel TDX TDREPORT_STRUCT, 1024 bytes (<see cref="Tsm.Attestation.TdReport"/>).</summary>
    TdReport,

    /// <summary>AMD SEV-SNP ATTESTATION_REPORT, 1184 bytes (<see cref="Tsm.Attestation.SnpReport"/>).</summary>
    SnpReport,

    /// <summary>Arm CCA attestation token: CBOR tag 907 or 399 around the platform and realm tokens (<see cref="Tsm.Attestation.Cca.CcaToken"/>).</summary>
    CcaToken,
}
