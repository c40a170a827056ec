namespace Tsm.Attestation;

/// <summary>The security patch levels of an SEV-SNP TCB version in one processor family's layout (FMC exists on Turin only).</summary>
/// <param name="Fmc">Turin's FMC SPL; null in the Milan/Genoa layout.</param>
/// <param name="BootLoader">Boot loader SPL.</param>
/// <param name="Tee">PSP OS (TEE) SPL.</param>
/// <param name="Snp">SNP firmware SPL.</param>
/// <param name="Microcode">Microcode patch level.</param>
public readonly record struct SnpTcbParts(byte? Fmc, byte BootLoader, byte Tee, byte Snp, byte Microcode);
