using System;

namespace Tsm.EventLog.Tcg;

/// <summary>One digest of an event (a TPMT_HA of TCG_PCR_EVENT2, or the SHA-1 digest of a TCG_PCR_EVENT), read in place.</summary>
public readonly ref struct TcgDigest
{
    internal TcgDigest(TpmAlgorithm algorithm, ReadOnlySpan<byte> bytes)
    {
        Algorithm = algorithm;
        Bytes = bytes;
    }

    /// <summary>The bank's TPM_ALG_ID.</summary>
    public TpmAlgorithm Algorithm { get; }

    /// <summary>The digest, as long as the Spec ID event says this algorithm's digests are.</summary>
    public ReadOnlySpan<byte> Bytes { get; }
}
