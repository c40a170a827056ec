namespace Tsm.EventLog.Registers;

/// <summary>The kinds of registers a log's events are extended into.</summary>
public enum RegisterKind
{
    /// <summary>A TPM PCR, schema names <c>pcr0</c>..<c>pcr23</c>.</summary>
    Pcr,

    /// <summary>A TDX RTMR, schema names <c>rtmr0</c>..<c>rtmr3</c>.</summary>
    Rtmr,

    /// <summary>TDX MRTD (<c>mrtd</c>): measured by the TDX module while the TD is built, never replayed from a log.</summary>
    Mrtd,

    /// <summary>A TPM NV index named by a CEL nv_index record (<c>nv:0x01c10000</c>): not a register, never replayed.</summary>
    NvIndex,

    /// <summary>An Arm CCA Realm Extensible Measurement, schema names <c>rem0</c>..<c>rem3</c> (RSI measurement index 1..4).</summary>
    Rem,
}
