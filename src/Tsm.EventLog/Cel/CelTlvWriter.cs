using System;
using System.Buffers.Binary;
using System.IO;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Cel;

/// <summary>Writes CEL TLV records in go-tpm-tools' layout (<c>EncodeCELR</c>: recnum, index, digests, content) so logs round-trip.</summary>
public sealed class CelTlvWriter
{
    private readonly MemoryStream _buffer = new();

    /// <summary>Appends a record.</summary>
    /// <param name="recordNumber">recnum.</param>
    /// <param name="indexType">pcr, nv_index or CCMR.</param>
    /// <param name="index">The index value.</param>
    /// <param name="digests">At least one digest.</param>
    /// <param name="contentType">The content type (4 or more, see <see cref="CelContentType"/>).</param>
    /// <param name="content">The content TLV's value.</param>
    /// <param name="recordNumberSize">recnum's size: 8 (go-tpm-tools, the default) down to 1.</param>
    /// <param name="indexSize">The index value's size: 1 (go-tpm-tools, the default) up to 4.</param>
    /// <exception cref="ArgumentException">No digest, a content type below 4, or sizes that cannot hold the values.</exception>
    public void Append(ulong recordNumber, CelIndexType indexType, uint index, ReadOnlySpan<AgileDigest> digests, byte contentType, ReadOnlySpan<byte> content, int recordNumberSize = 8, int indexSize = 1)
    {
        if (digests.IsEmpty || contentType < 4 || recordNumberSize is < 1 or > 8 || indexSize is < 1 or > 4
            || (recordNumberSize < 8 && recordNumber >> (8 * recordNumberSize) != 0) || (indexSize < 4 && index >> (8 * indexSize) != 0))
        {
            throw new ArgumentException("A CEL record needs a digest, a content type of 4 or more, and recnum/index sizes that hold their values.");
        }

        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(number, recordNumber);
        Tlv(0, number[(8 - recordNumberSize)..]);
        Span<byte> indexBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(indexBytes, index);
        Tlv((byte)indexType, indexBytes[(4 - indexSize)..]);
        int digestsLength = 0;
        foreach (AgileDigest digest in digests)
        {
            digestsLength += 5 + digest.Length;
        }

        Header(3, digestsLength);
        foreach (AgileDigest digest in digests)
        {
            if (!TpmAlgorithms.TryFromMeasurementHash(digest.Algorithm, out TpmAlgorithm algorithm) || (ushort)algorithm > byte.MaxValue)
            {
                throw new ArgumentException($"{digest.Algorithm} has no one-byte TPM_ALG_ID for a CEL digest TLV.", nameof(digests));
            }

            Tlv((byte)algorithm, digest.Bytes);
        }

        Tlv(contentType, content);
    }

    /// <summary>Appends a copy of a record read from another log, byte for byte.</summary>
    public void Append(in CelRecord record) => _buffer.Write(record.Raw);

    /// <summary>The log written so far.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    private void Tlv(byte type, ReadOnlySpan<byte> value)
    {
        Header(type, value.Length);
        _buffer.Write(value);
    }

    private void Header(byte type, int length)
    {
        Span<byte> header = stackalloc byte[5];
        header[0] = type;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)length);
        _buffer.Write(header);
    }
}
