namespace Tsm.EventLog;

/// <summary>The event-log formats this library reads and writes.</summary>
public enum EventLogFormat
{
    /// <summary>TCG PC Client crypto-agile log (<c>binary_bios_measurements</c> with a "Spec ID Event03" header); indexes are PCRs.</summary>
    TcgAgile,

    /// <summary>TCG PC Client SHA-1 log (TCG 1.2 layout, TCG_PCR_EVENT only); indexes are PCRs.</summary>
    TcgSha1,

    /// <summary>Confidential Computing Event Log: a crypto-agile TCG log whose indexes are CC MR indexes (0 MRTD, 1..4 RTMR0..3).</summary>
    Ccel,

    /// <summary>TCG Canonical Event Log, TLV encoding.</summary>
    CelTlv,

    /// <summary>TCG Canonical Event Log, JSON encoding.</summary>
    CelJson,

    /// <summary>The confidential-containers attestation-agent event log (text, one entry per line).</summary>
    Aael,
}
