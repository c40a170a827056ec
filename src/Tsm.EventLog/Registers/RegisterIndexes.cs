namespace Tsm.EventLog.Registers;

/// <summary>
/// What a log's index field means. TPM logs name PCRs (0..23, <c>TPM2_PLATFORM_PCR</c>, Linux <c>include/linux/tpm.h</c>).
/// A CCEL names CC MR indexes (edk2 <c>MdePkg/Include/Protocol/CcMeasurement.h</c>, UEFI 2.10 §38.4.1):
/// 0 = MRTD, 1..4 = RTMR0..3; CEL's non-standard CCMR index type (108) uses the same numbers.
/// </summary>
public static class RegisterIndexes
{
    /// <summary>The PCRs of a PC Client TPM.</summary>
    public const int PcrCount = 24;

    /// <summary>The RTMRs of a TD.</summary>
    public const int RtmrCount = 4;

    /// <summary>The REMs of an Arm CCA realm.</summary>
    public const int RemCount = 4;

    /// <summary>The register a PCR index names.</summary>
    /// <returns><see langword="false"/> for an index above 23.</returns>
    public static bool TryMapPcr(uint index, out RegisterId register)
    {
        register = RegisterId.Pcr((int)(index < PcrCount ? index : 0));
        return index < PcrCount;
    }

    /// <summary>The register a CC MR index names: 0 MRTD, 1..4 RTMR0..3.</summary>
    /// <returns><see langword="false"/> for an index above 4.</returns>
    public static bool TryMapCcMr(uint index, out RegisterId register)
    {
        register = index == 0 ? new RegisterId(RegisterKind.Mrtd, 0) : RegisterId.Rtmr((int)(index <= RtmrCount ? index - 1 : 0));
        return index <= RtmrCount;
    }

    /// <summary>Whether events can be extended into <paramref name="register"/>: PCR 0..23, RTMR 0..3 or REM 0..3.</summary>
    public static bool IsExtendable(RegisterId register) => register.Kind switch
    {
        RegisterKind.Pcr => register.Index is >= 0 and < PcrCount,
        RegisterKind.Rtmr => register.Index is >= 0 and < RtmrCount,
        RegisterKind.Rem => register.Index is >= 0 and < RemCount,
        _ => false,
    };

    /// <summary>
    /// The register's value before the first extend: zeros, except PCR 17-22 (reset locality includes 4, so they start
    /// all 0xFF; ms-tpm-20-ref <c>PCRStartup</c>) and PCR0 after a non-zero startup locality (0…0&lt;locality&gt;).
    /// </summary>
    /// <param name="register">The register.</param>
    /// <param name="startupLocality">The StartupLocality event's value, 0 when the log has none.</param>
    /// <param name="value">Receives the initial value; its length is the bank's digest size.</param>
    public static void InitialValue(RegisterId register, byte startupLocality, System.Span<byte> value)
    {
        bool ones = register.Kind == RegisterKind.Pcr && register.Index is >= 17 and <= 22;
        value.Fill(ones ? (byte)0xFF : (byte)0x00);
        if (register == RegisterId.Pcr(0) && value.Length > 0)
        {
            value[^1] = startupLocality;
        }
    }
}
