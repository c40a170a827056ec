using System;
using System.Numerics;

namespace Tsm;

/// <summary>
/// TPM2_PCR_Read (Part 3 §22.4; Linux <c>drivers/char/tpm/tpm2-cmd.c</c> <c>struct tpm2_pcr_read_out</c>): a TPML_PCR_SELECTION of one bank in, then <c>u32 pcrUpdateCounter</c>,
/// the selection the TPM actually read, and a TPML_DIGEST of at most eight values in ascending PCR order.
/// </summary>
internal static class TpmPcrRead
{
    public static int Write(Span<byte> buffer, ushort algorithm, uint mask)
    {
        var writer = new TpmCommandWriter(buffer, TpmLimits.NoSessionsTag, TpmCommand.PcrRead);
        writer.PcrSelection(algorithm, mask);
        return writer.Finish();
    }

    /// <summary>
    /// Parses the answer to a request for <paramref name="requested"/> and writes each value read to
    /// <paramref name="values"/> at <c>pcr * digestSize</c>.
    /// </summary>
    /// <returns>The PCRs read: a subset of the request, possibly empty.</returns>
    public static uint Parse(TpmResponseReader reader, ushort algorithm, uint requested, int digestSize, Span<byte> values, out uint updateCounter)
    {
        updateCounter = reader.UInt32("pcrUpdateCounter");
        int at = reader.Offset;
        uint banks = reader.UInt32("the selection count");
        uint returned = 0;
        if (banks > 1)
        {
            throw reader.Malformed(at, $"the TPM returned a selection of {banks} banks for a request of one");
        }

        if (banks == 1)
        {
            returned = ReadSelection(ref reader, -1, algorithm, requested);
        }

        at = reader.Offset;
        uint count = reader.UInt32("the digest count");
        if (count != (uint)BitOperations.PopCount(returned))
        {
            throw reader.Malformed(at, $"the TPM returned {count} digests for a selection of {BitOperations.PopCount(returned)} PCRs");
        }

        for (uint rest = returned; rest != 0; rest &= rest - 1)
        {
            int pcr = BitOperations.TrailingZeroCount(rest);
            at = reader.Offset;
            ushort length = reader.UInt16("a digest size");
            if (length != digestSize)
            {
                throw reader.Malformed(at, $"PCR {pcr}'s digest is {length} bytes, but the bank's digests are {digestSize}");
            }

            reader.Bytes(length, "a PCR digest").CopyTo(values[(pcr * digestSize)..]);
        }

        reader.End();
        return returned;
    }

    /// <summary>TPM2_PCR_Read of one PCR in several banks with one command (the TPML_DIGEST holds up to eight digests).</summary>
    public static int WriteBanks(Span<byte> buffer, ReadOnlySpan<ushort> algorithms, int pcr)
    {
        var writer = new TpmCommandWriter(buffer, TpmLimits.NoSessionsTag, TpmCommand.PcrRead);
        writer.PcrSelections(algorithms, 1u << pcr);
        return writer.Finish();
    }

    /// <summary>
    /// Parses the answer to <see cref="WriteBanks"/>: the selection must list the requested banks in order, and the
    /// digests follow in that order, each the bank's size, into <paramref name="values"/> one after another.
    /// </summary>
    /// <returns>Whether every bank was read (a TPM may return fewer; the caller then reads bank by bank).</returns>
    public static bool ParseBanks(TpmResponseReader reader, ReadOnlySpan<ushort> algorithms, ReadOnlySpan<int> digestSizes, int pcr, Span<byte> values)
    {
        _ = reader.UInt32("pcrUpdateCounter");
        int at = reader.Offset;
        uint banks = reader.UInt32("the selection count");
        if (banks != (uint)algorithms.Length)
        {
            throw reader.Malformed(at, $"the TPM returned a selection of {banks} banks for a request of {algorithms.Length}");
        }

        uint requested = 1u << pcr;
        int read = 0;
        Span<bool> returned = stackalloc bool[algorithms.Length];
        for (int i = 0; i < algorithms.Length; i++)
        {
            returned[i] = ReadSelection(ref reader, i, algorithms[i], requested) != 0;
            read += returned[i] ? 1 : 0;
        }

        at = reader.Offset;
        uint count = reader.UInt32("the digest count");
        if (count != (uint)read)
        {
            throw reader.Malformed(at, $"the TPM returned {count} digests for a selection of {read} PCRs");
        }

        int offset = 0;
        for (int i = 0; i < algorithms.Length; i++)
        {
            if (returned[i])
            {
                at = reader.Offset;
                ushort length = reader.UInt16("a digest size");
                if (length != digestSizes[i])
                {
                    throw reader.Malformed(at, $"PCR {pcr}'s digest in bank {i} is {length} bytes, but the bank's digests are {digestSizes[i]}");
                }

                reader.Bytes(length, "a PCR digest").CopyTo(values[offset..]);
            }

            offset += digestSizes[i];
        }

        reader.End();
        return read == algorithms.Length;
    }

    /// <summary>
    /// One TPMS_PCR_SELECTION of the answer, the only one (<paramref name="index"/> -1) or the one at
    /// <paramref name="index"/>: it must be of <paramref name="algorithm"/> and name only requested PCRs. Messages are
    /// built only on failure, so a good answer allocates nothing.
    /// </summary>
    /// <returns>The PCRs it names (bit n = PCR n).</returns>
    private static uint ReadSelection(ref TpmResponseReader reader, int index, ushort algorithm, uint requested)
    {
        int at = reader.Offset;
        ushort hash = reader.UInt16(index < 0 ? "the selection's hash algorithm" : "a selection's hash algorithm");
        if (hash != algorithm)
        {
            throw reader.Malformed(at, $"{(index < 0 ? "the selection" : $"selection {index}")} is of algorithm 0x{hash:X4}, but 0x{algorithm:X4} was requested");
        }

        at = reader.Offset;
        byte size = reader.UInt8("sizeofSelect");
        if (size > 4)
        {
            throw reader.Malformed(at, $"sizeofSelect is {size}; a PCR bitmap is at most 4 bytes (PCR_SELECT_MAX)");
        }

        ReadOnlySpan<byte> select = reader.Bytes(size, "pcrSelect");
        uint bits = 0;
        for (int i = 0; i < select.Length; i++)
        {
            bits |= (uint)select[i] << (8 * i);
        }

        if ((bits & ~requested) != 0)
        {
            throw reader.Malformed(at + 1, $"the TPM read PCRs that were not requested (selection 0x{bits:X6}, request 0x{requested:X6})");
        }

        return bits;
    }
}
