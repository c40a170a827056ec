namespace Tsm;

/// <summary>
/// A hardware-independent measurement register: what is measured into it, not where it lives. Each platform's schema
/// maps the roles onto its own registers (TDX: RTMR0..3, a TPM: PCRs, Arm CCA: REMs), so application code never names one.
/// </summary>
public enum MeasurementRole
{
    /// <summary>Firmware configuration (UEFI: CC MR index 1, TPM PCR 1 and 7).</summary>
    Firmware = 0,

    /// <summary>Boot loader, boot applications and kernel (UEFI: CC MR index 2, TPM PCR 2-6).</summary>
    Boot = 1,

    /// <summary>The operating system: kernel command line, initrd, boot-loader commands (UEFI: CC MR index 3, TPM PCR 8-15).</summary>
    Os = 2,

    /// <summary>User space and applications: the register no firmware writes (UEFI: CC MR index 4).</summary>
    Application = 3,
}
