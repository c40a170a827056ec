using System;
using System.Buffers.Binary;
using System.IO;

namespace Tsm.EventLog.Tcg;

/// <summary>
/// Writes TCG PC Client logs in the layout <see cref="TcgLog"/> reads, so a log read and written again is the same
/// bytes: the Spec ID header as a TCG_PCR_EVENT, then TCG_PCR_EVENT2 events (crypto-agile) or TCG_PCR_EVENT events (SHA-1).
/// </summary>
public sealed class TcgLogWriter
{
    private readonly MemoryStream _buffer = new();
    private readonly byte[]? _specId;

    private TcgLogWriter(byte[]? specId) => _specId = specId;

    /// <summary>The number of bytes written so far.</summary>
    public int Length => (int)_buffer.Length;

    /// <summary>Starts a crypto-agile log with its Spec ID header.</summary>
    /// <param name="specIdEventData">The Spec ID event data (see <see cref="SpecIdEvent.Encode"/> or <see cref="SpecIdEvent.Data"/>).</param>
    /// <param name="headerIndex">The header's pcrIndex: 0 in TPM logs; OVMF's CCEL writes 1.</param>
    /// <returns>A writer whose events carry the Spec ID's banks.</returns>
    /// <exception cref="EventLogFormatException">The Spec ID event data is not valid.</exception>
    public static TcgLogWriter CreateCryptoAgile(ReadOnlySpan<byte> specIdEventData, uint headerIndex = 0)
    {
        var writer = new TcgLogWriter(specIdEventData.ToArray());
        writer.WriteSha1Event(headerIndex, TcgEventType.NoAction, new byte[TcgLogParser.Sha1Size], specIdEventData);
        TcgLog.Read(writer._buffer.GetBuffer().AsSpan(0, writer.Length));
        return writer;
    }

    /// <summary>Starts a SHA-1 (TCG 1.2) log, which has no header.</summary>
    /// <returns>A writer of TCG_PCR_EVENT events.</returns>
    public static TcgLogWriter CreateSha1() => new(null);

    /// <summary>Appends an event.</summary>
    /// <param name="index">pcrIndex (a PCR, or a CC MR index in a CCEL).</param>
    /// <param name="type">The event type.</param>
    /// <param name="digests">The digests in the order to write them; for a SHA-1 log exactly one SHA-1 digest; for a crypto-agile log only banks of the Spec ID event.</param>
    /// <param name="data">The event data.</param>
    /// <exception cref="ArgumentException">A digest's bank or size does not fit the log.</exception>
    public void Append(uint index, TcgEventType type, ReadOnlySpan<AgileDigest> digests, ReadOnlySpan<byte> data)
    {
        if (_specId is null)
        {
            if (digests.Length != 1 || digests[0].Algorithm != MeasurementHash.Sha1)
            {
                throw new ArgumentException("A SHA-1 log's events carry exactly one SHA-1 digest.", nameof(digests));
            }

            WriteSha1Event(index, type, digests[0].Bytes, data);
            return;
        }

        ReadOnlySpan<byte> table = _specId.AsSpan(SpecIdEvent.FixedSize, 4 * (int)BinaryPrimitives.ReadUInt32LittleEndian(_specId.AsSpan(24)));
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(header, index);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)type);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)digests.Length);
        Span<byte> algorithm = stackalloc byte[2];
        foreach (AgileDigest digest in digests)
        {
            if (!TpmAlgorithms.TryFromMeasurementHash(digest.Algorithm, out TpmAlgorithm id) || SpecIdAlgorithmList.DigestSizeOf(table, (ushort)id) != digest.Length)
            {
                throw new ArgumentException($"The log's Spec ID event has no {digest.Algorithm} bank of {digest.Length}-byte digests.", nameof(digests));
            }
        }

        _buffer.Write(header);
        foreach (AgileDigest digest in digests)
        {
            TpmAlgorithms.TryFromMeasurementHash(digest.Algorithm, out TpmAlgorithm id);
            BinaryPrimitives.WriteUInt16LittleEndian(algorithm, (ushort)id);
            _buffer.Write(algorithm);
            _buffer.Write(digest.Bytes);
        }

        WriteData(data);
    }

    /// <summary>Appends a copy of <paramref name="e"/>, read from another log with the same banks, byte for byte.</summary>
    /// <param name="e">The event.</param>
    public void Append(in TcgEvent e) => _buffer.Write(e.Raw);

    /// <summary>Appends <paramref name="count"/> bytes of <paramref name="fill"/> after the last event (0x00 or 0xFF, as firmware pads a log area).</summary>
    /// <exception cref="ArgumentException"><paramref name="fill"/> is neither 0x00 nor 0xFF.</exception>
    public void AppendPadding(byte fill, int count)
    {
        if (fill is not (0x00 or 0xFF))
        {
            throw new ArgumentException("A reader only recognises 0x00 or 0xFF fill after the last event.", nameof(fill));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (int i = 0; i < count; i++)
        {
            _buffer.WriteByte(fill);
        }
    }

    /// <summary>The log written so far.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    private void WriteSha1Event(uint index, TcgEventType type, ReadOnlySpan<byte> sha1, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(header, index);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)type);
        _buffer.Write(header);
        _buffer.Write(sha1);
        WriteData(data);
    }

    private void WriteData(ReadOnlySpan<byte> data)
    {
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        _buffer.Write(size);
        _buffer.Write(data);
    }
}
