using System;

namespace Tsm.EventLog.Tcg;

/// <summary>
/// One event of a TCG PC Client log, read in place: TCG_PCR_EVENT2 (PFP TCG_PCR_EVENT2: u32 pcrIndex, u32 eventType,
/// TPML_DIGEST_VALUES, u32 eventSize, event) or, for the Spec ID header and SHA-1 logs, TCG_PCR_EVENT (PFP:
/// u32 pcrIndex, u32 eventType, 20-byte digest, u32 eventSize, event). All integers are little-endian.
/// </summary>
public readonly ref struct TcgEvent
{
    internal TcgEvent(int number, int offset, ReadOnlySpan<byte> raw, uint index, TcgEventType type, TcgDigestList digests, ReadOnlySpan<byte> data, bool isHeader)
    {
        Number = number;
        Offset = offset;
        Raw = raw;
        Index = index;
        Type = type;
        Digests = digests;
        Data = data;
        IsSpecIdHeader = isHeader;
    }

    /// <summary>The event's position in the log, from 0 (the Spec ID header of a crypto-agile log is event 0), as <c>tsm log show</c> and <c>tpm2_eventlog</c> number events.</summary>
    public int Number { get; }

    /// <summary>Where the event starts in the log.</summary>
    public int Offset { get; }

    /// <summary>The whole event as it appears in the log.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>pcrIndex: a PCR for TPM logs, a CC MR index for CCEL (0 MRTD, 1..4 RTMR0..3).</summary>
    public uint Index { get; }

    /// <summary>eventType.</summary>
    public TcgEventType Type { get; }

    /// <summary>The digests, one per bank.</summary>
    public TcgDigestList Digests { get; }

    /// <summary>The event data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Whether this is the TCG_PCR_EVENT that carries the Spec ID event at the start of a crypto-agile log.</summary>
    public bool IsSpecIdHeader { get; }
}
