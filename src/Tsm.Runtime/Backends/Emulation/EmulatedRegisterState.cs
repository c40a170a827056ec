namespace Tsm;

/// <summary>The changing state of one emulated register file, part of an <see cref="EmulatedDeviceState"/>.</summary>
/// <param name="File">The file name, as the kernel names it (hash-choice names resolved).</param>
/// <param name="Size">The register size in bytes.</param>
/// <param name="Platform">The platform's value; null for an alias, which shares its storage owner's.</param>
/// <param name="Cache">
/// The kernel's cached copy; null for an alias and for a TPM's PCR, whose sysfs read asks the TPM every time
/// (<c>drivers/char/tpm/tpm-sysfs.c</c>), so the cache is the platform's value itself.
/// </param>
/// <param name="PendingWriteErrno">The injected errno of the next write that reaches the driver; 0 for none.</param>
/// <param name="Offset">Where the entry starts in the state file, for messages; 0 when it was not read from one.</param>
internal sealed record EmulatedRegisterState(string File, int Size, byte[]? Platform, byte[]? Cache, int PendingWriteErrno, long Offset = 0);
