namespace Tsm.EventLog.Recording;

/// <summary>The on-disk format of a measurement log, chosen when it is created; an existing log keeps its own.</summary>
public enum MeasurementLogFormat
{
    /// <summary>
    /// The attestation agent's event log (guest-components <c>attestation-agent/src/eventlog/mod.rs</c>): text, an
    /// <c>INIT alg/hex</c> line, then <c>domain operation content</c> lines, each line (INIT included) extended as
    /// <c>H(line)</c>. What CoCo verifiers read. INIT records one bank, so on a TPM the other banks start at their reset value.
    /// </summary>
    Aael,

    /// <summary>
    /// TCG Canonical Event Log records (TLV, go-tpm-tools' layout): record 0 is a pcclient_std EV_NO_ACTION holding every
    /// bank's starting value (<c>INIT sha1/hex sha256/hex ...</c>, not extended), then one pcclient_std EV_EVENT_TAG per
    /// event whose tagged event is the attestation agent's (<c>"AAEL"</c> id, the <c>domain operation content</c>
    /// line), with one digest per bank: <c>H_bank(tagged event)</c>. The index is the PCR (a TPM) or the CC MR index
    /// (TDX: 4 = RTMR3, CEL's CCMR type); CEL has no index type for Arm CCA REMs.
    /// </summary>
    CelTlv,
}
