namespace Tsm.EventLog.Verification;

/// <summary>Where expected register values came from.</summary>
public enum EvidenceKind
{
    /// <summary>A TDX quote (v4 or v5): MRTD and RTMR0..3 of its TD report body.</summary>
    TdQuote,

    /// <summary>A TDREPORT: MRTD and RTMR0..3.</summary>
    TdReport,

    /// <summary>PCR values as JSON: <c>{"registers": {"pcr0": {"sha256": "&lt;hex&gt;"}}}</c> (what <c>tsm log replay --json</c> prints) or the same object without <c>registers</c>.</summary>
    Json,

    /// <summary>The YAML that <c>tpm2_pcrread</c> prints: <c>sha256:</c> lines, then <c>  0 : 0x&lt;HEX&gt;</c> per PCR.</summary>
    Tpm2PcrRead,
}
