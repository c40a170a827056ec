using System;
using System.Buffers.Binary;

namespace Tsm;

/// <summary>
/// Reads the fields of one checked response in order. Every read is bounded by the response's size; a field that does
/// not fit throws <see cref="TpmProtocolException"/> naming the command, the field and the byte offset.
/// </summary>
internal ref struct TpmResponseReader
{
    private readonly ReadOnlySpan<byte> _response;
    private readonly TpmCommand _command;
    private readonly string _location;
    private int _offset;

    public TpmResponseReader(ReadOnlySpan<byte> response, TpmCommand command, string location, int offset)
    {
        _response = response;
        _command = command;
        _location = location;
        _offset = offset;
    }

    /// <summary>The offset of the next field.</summary>
    public readonly int Offset => _offset;

    public byte UInt8(string field) => Take(1, field)[0];

    public ushort UInt16(string field) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, field));

    public uint UInt32(string field) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, field));

    public ReadOnlySpan<byte> Bytes(int count, string field) => Take(count, field);

    /// <summary>Throws unless every byte of the response has been read, so trailing garbage is never ignored.</summary>
    public readonly void End()
    {
        if (_offset != _response.Length)
        {
            throw Malformed(_offset, $"{_response.Length - _offset} bytes follow the last field");
        }
    }

    /// <summary>A protocol error at <paramref name="offset"/> of this response.</summary>
    public readonly TpmProtocolException Malformed(int offset, string problem) =>
        TpmErrors.Malformed(_command, _location, offset, problem);

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count > _response.Length - _offset)
        {
            throw Malformed(_offset, $"{field} needs {count} bytes but the response ends after {_response.Length} bytes");
        }

        ReadOnlySpan<byte> value = _response.Slice(_offset, count);
        _offset += count;
        return value;
    }
}
