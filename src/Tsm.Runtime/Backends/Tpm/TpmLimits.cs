namespace Tsm;

/// <summary>The fixed sizes the TPM backend relies on.</summary>
internal static class TpmLimits
{
    /// <summary>
    /// The largest command or response Tsm sends or accepts: 4096 bytes, the PC Client TPM profile's
    /// MAX_COMMAND_SIZE/MAX_RESPONSE_SIZE, the Linux driver's buffer (<c>TPM_BUFSIZE</c> in
    /// <c>drivers/char/tpm/tpm.h</c>) and tpm2-tss <c>TPM2_MAX_COMMAND_SIZE</c>. A response header announcing more is
    /// rejected before any of it is read.
    /// </summary>
    public const int MaxMessageSize = 4096;

    /// <summary>Tag, size and command or response code (Part 1, command and response structure; kernel <c>struct tpm_header</c>).</summary>
    public const int HeaderSize = 10;

    /// <summary>PC Client PCRs 0-23 (<c>TPM2_PLATFORM_PCR</c> in <c>include/linux/tpm.h</c>).</summary>
    public const int PcrCount = 24;

    /// <summary>Bytes of a PC Client PCR bitmap (<c>TPM2_PCR_SELECT_MIN</c>).</summary>
    public const int PcrSelectSize = 3;

    /// <summary>The most digests one TPM2_PCR_Read returns: a TPML_DIGEST holds at most 8 (Part 2, TPML_DIGEST; Part 3 §22.4).</summary>
    public const int PcrsPerRead = 8;

    /// <summary>The most banks a TPM allocates that Tsm handles (<c>TPM2_MAX_PCR_BANKS</c> in <c>include/linux/tpm.h</c>).</summary>
    public const int MaxBanks = 8;

    /// <summary><c>TPM_ST_NO_SESSIONS</c>: a command or response without an authorization area (Part 2, TPM_ST constants).</summary>
    public const ushort NoSessionsTag = 0x8001;

    /// <summary><c>TPM_ST_SESSIONS</c>: a command or response with an authorization area (Part 2, TPM_ST constants).</summary>
    public const ushort SessionsTag = 0x8002;

    /// <summary><c>TPM_RS_PW</c>: the password authorization session, with an empty password for PCRs (Part 2, TPM_RH permanent handles).</summary>
    public const uint PasswordSession = 0x40000009;

    /// <summary><c>TPM_CAP_PCRS</c> (Part 2, TPM_CAP constants): the capability that lists the allocated banks.</summary>
    public const uint CapabilityPcrs = 0x00000005;

    /// <summary><c>TPM_SU_CLEAR</c> (Part 2, Definition of TPM_SU Constants): TPM2_Startup after a power-on reset.</summary>
    public const ushort StartupClear = 0x0000;

    /// <summary><c>TPM_RC_INITIALIZE</c> (<c>RC_VER1 + 0x000</c>): TPM2_Startup was already sent, so the TPM is running.</summary>
    public const uint ResponseInitialize = 0x100;
}
