using System;

namespace Tsm;

/// <summary>
/// TPM2_PCR_Extend (Part 3 §22.2; Linux <c>drivers/char/tpm/tpm2-cmd.c</c> <c>tpm2_pcr_extend</c>): the PCR handle, an empty password session, then a
/// TPML_DIGEST_VALUES with one TPMT_HA (<c>u16 hashAlg</c>, the digest without a length) per bank extended.
/// </summary>
internal static class TpmPcrExtend
{
    /// <param name="buffer">Where the command is written.</param>
    /// <param name="pcr">0-23; PCR handles are the PCR numbers (Part 2, TPM_HT: TPM_HT_PCR = 0x00).</param>
    /// <param name="banks">The banks to extend, each once.</param>
    /// <param name="digests">The digests of <paramref name="banks"/>, back to back in the same order, each of its bank's size.</param>
    public static int Write(Span<byte> buffer, int pcr, ReadOnlySpan<MeasurementHash> banks, ReadOnlySpan<byte> digests)
    {
        var writer = new TpmCommandWriter(buffer, TpmLimits.SessionsTag, TpmCommand.PcrExtend);
        writer.UInt32((uint)pcr);
        writer.PasswordSession();
        writer.UInt32((uint)banks.Length);
        foreach (MeasurementHash bank in banks)
        {
            int size = MeasurementHashInfo.DigestSize(bank);
            writer.UInt16(TpmAlgorithms.IdOf(bank));
            writer.Bytes(digests[..size]);
            digests = digests[size..];
        }

        return writer.Finish();
    }
}
