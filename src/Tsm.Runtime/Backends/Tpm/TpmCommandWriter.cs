using System;
using System.Buffers.Binary;

namespace Tsm;

/// <summary>
/// Writes one command into a caller's buffer in the TPM's big-endian wire format (Part 1, command and response structure): the 10-byte header,
/// then fields in order; <see cref="Finish"/> fills in the size. Nothing allocates.
/// </summary>
internal ref struct TpmCommandWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    public TpmCommandWriter(Span<byte> buffer, ushort tag, TpmCommand command)
    {
        _buffer = buffer;
        BinaryPrimitives.WriteUInt16BigEndian(buffer, tag);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[6..], (uint)command);
        _length = TpmLimits.HeaderSize;
    }

    public void UInt8(byte value) => _buffer[_length++] = value;

    public void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_length..], value);
        _length += 2;
    }

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[_length..], value);
        _length += 4;
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer[_length..]);
        _length += value.Length;
    }

    /// <summary>
    /// The authorization area with one empty password session (Part 1, password authorizations; as <c>tpm2_pcr_extend</c> in Linux <c>drivers/char/tpm/tpm2-cmd.c</c> sends it):
    /// <c>authorizationSize = 9</c>, <c>TPM_RS_PW</c>, empty nonce, no attributes, empty password. PCR extend and
    /// reset need exactly this, because PCRs have an empty authValue unless a platform sets one.
    /// </summary>
    public void PasswordSession()
    {
        UInt32(9);
        UInt32(TpmLimits.PasswordSession);
        UInt16(0);
        UInt8(0);
        UInt16(0);
    }

    /// <summary>A TPML_PCR_SELECTION with one bank and the PCRs of <paramref name="mask"/> (bit n = PCR n; Part 2, TPML_PCR_SELECTION and TPMS_PCR_SELECT).</summary>
    public void PcrSelection(ushort algorithm, uint mask) => PcrSelections([algorithm], mask);

    /// <summary>A TPML_PCR_SELECTION of the same PCRs in several banks, in the order given.</summary>
    public void PcrSelections(scoped ReadOnlySpan<ushort> algorithms, uint mask)
    {
        UInt32((uint)algorithms.Length);
        foreach (ushort algorithm in algorithms)
        {
            UInt16(algorithm);
            UInt8(TpmLimits.PcrSelectSize);
            UInt8((byte)mask);
            UInt8((byte)(mask >> 8));
            UInt8((byte)(mask >> 16));
        }
    }

    /// <summary>Writes the total size into the header.</summary>
    /// <returns>The command's length in bytes.</returns>
    public readonly int Finish()
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[2..], (uint)_length);
        return _length;
    }
}
