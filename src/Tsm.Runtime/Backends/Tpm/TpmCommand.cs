namespace Tsm;

/// <summary>
/// The TPM 2.0 commands the TPM backend sends, with their command codes (TCG TPM 2.0 Library Part 2, §6.5.2
/// TPM_CC; the same values as Linux <c>enum tpm2_command_codes</c> in <c>include/linux/tpm.h</c>).
/// </summary>
public enum TpmCommand : uint
{
    /// <summary>TPM2_PCR_Reset (Part 3 §22.8): sets a resettable PCR (16, 23) back to zeros in every bank.</summary>
    PcrReset = 0x0000013D,

    /// <summary>TPM2_Startup (Part 3 §9.3): the first command after a simulator powers on.</summary>
    Startup = 0x00000144,

    /// <summary>TPM2_GetCapability (Part 3 §30.2): here, TPM_CAP_PCRS, the banks the TPM has allocated.</summary>
    GetCapability = 0x0000017A,

    /// <summary>TPM2_GetRandom (Part 3 §16.1): bytes from the TPM's random number generator.</summary>
    GetRandom = 0x0000017B,

    /// <summary>TPM2_PCR_Read (Part 3 §22.4): up to eight PCR values of the selected banks.</summary>
    PcrRead = 0x0000017E,

    /// <summary>TPM2_PCR_Extend (Part 3 §22.2): <c>PCR = H_bank(PCR || digest)</c> for each digest given.</summary>
    PcrExtend = 0x00000182,
}
