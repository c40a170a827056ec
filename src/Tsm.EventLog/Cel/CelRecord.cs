using System;

namespace Tsm.EventLog.Cel;

/// <summary>One CEL record, read in place.</summary>
public readonly ref struct CelRecord
{
    internal CelRecord(int number, ReadOnlySpan<byte> log, CelRecordBounds b)
    {
        Number = number;
        Offset = b.Offset;
        Raw = log.Slice(b.Offset, b.Length);
        RecordNumber = b.RecordNumber;
        IndexType = b.IndexType;
        Index = b.Index;
        Digests = new CelDigestList(log.Slice(b.DigestsOffset, b.DigestsLength), b.DigestCount);
        ContentType = b.ContentType;
        ContentTlv = log[b.ContentTlvOffset..(b.ContentOffset + b.ContentLength)];
        Content = log.Slice(b.ContentOffset, b.ContentLength);
    }

    /// <summary>The record's position in the log, from 0.</summary>
    public int Number { get; }

    /// <summary>Where the record starts.</summary>
    public int Offset { get; }

    /// <summary>The whole record.</summary>
    public ReadOnlySpan<byte> Raw { get; }

    /// <summary>recnum as the record states it.</summary>
    public ulong RecordNumber { get; }

    /// <summary>Whether <see cref="Index"/> is a PCR, an NV index or a CC MR index.</summary>
    public CelIndexType IndexType { get; }

    /// <summary>The index value.</summary>
    public uint Index { get; }

    /// <summary>The digests.</summary>
    public CelDigestList Digests { get; }

    /// <summary>The content type (<see cref="CelContentType"/>).</summary>
    public byte ContentType { get; }

    /// <summary>The content TLV whole (type, length, value): what go-tpm-tools hashes for its COS events.</summary>
    public ReadOnlySpan<byte> ContentTlv { get; }

    /// <summary>The content TLV's value.</summary>
    public ReadOnlySpan<byte> Content { get; }
}
