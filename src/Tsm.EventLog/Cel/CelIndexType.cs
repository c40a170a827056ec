namespace Tsm.EventLog.Cel;

/// <summary>The TLV type of a CEL record's index (TCG CEL spec; go-tpm-tools <c>cel/canonical_eventlog.go</c>).</summary>
public enum CelIndexType : byte
{
    /// <summary>pcr (1): a TPM PCR.</summary>
    Pcr = 1,

    /// <summary>nv_index (2): a TPM NV index; not a register, so such records are not replayed.</summary>
    NvIndex = 2,

    /// <summary>CCMR (108): non-standard, go-tpm-tools' confidential-computing MR index (CC MR index: 1..4 = RTMR0..3).</summary>
    CcMr = 108,
}
