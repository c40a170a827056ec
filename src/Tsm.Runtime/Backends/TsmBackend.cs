using System;
using System.IO;

namespace Tsm;

/// <summary>
/// Where a device's registers live: the Linux kernel's sysfs files, a directory laid out like them, the emulator (in
/// the process, or in a state file that processes share), or a TPM spoken to directly. Generated device classes take
/// one in <c>Open(TsmBackend)</c>.
/// </summary>
public abstract class TsmBackend
{
    /// <summary>The kernel's TPM resource manager device, which <see cref="Detect(DeviceDefinition)"/> prefers for a TPM.</summary>
    public const string TpmResourceManagerDevice = "/dev/tpmrm0";

    /// <summary>The kernel's files: each device's own <see cref="DeviceDefinition.SysfsDirectory"/>.</summary>
    public static TsmBackend Sysfs() => new SysfsBackend(directory: null);

    /// <summary>A directory laid out like a device's register directory (same file names, sizes and encoding).</summary>
    public static TsmBackend Sysfs(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return new SysfsBackend(directory);
    }

    /// <summary>A new in-process emulator with the kernel's semantics. Devices opened on the same backend share their state.</summary>
    public static EmulatedBackend Emulated(EmulatorOptions? options = null) => new(options);

    /// <summary>
    /// The same emulator with its state in <paramref name="stateFile"/>, so that several processes (and backends) share
    /// one emulated machine. Every operation is one transaction under a lock on <c>&lt;stateFile&gt;.lock</c> that replaces
    /// the file atomically; a missing file is a machine with reset registers.
    /// </summary>
    /// <param name="stateFile">The state file; its directory must exist.</param>
    /// <param name="options">
    /// The emulator's settings; null for the defaults. <see cref="EmulatorOptions.SelectedHash"/> must be the one the
    /// state file was created with.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="stateFile"/> is empty.</exception>
    public static FileEmulatedBackend EmulatedFile(string stateFile, EmulatorOptions? options = null) => new(stateFile, options);

    /// <summary>
    /// A TPM 2.0 spoken to directly with TPM2 commands, for the <c>tpm</c> vendor: <c>/dev/tpmrm0</c> (the kernel's
    /// resource manager, preferred) or <c>/dev/tpm0</c>, <c>tcp://host:port</c> for swtpm's raw TCP socket, or
    /// <c>mssim://host:port</c> for the MS/IBM simulator (port default 2321; the control or platform port is port + 1).
    /// Unlike the read-only sysfs files, this backend extends and resets PCRs.
    /// </summary>
    /// <param name="uri">The device path or simulator URI.</param>
    /// <param name="options">Timeout, locality and connection reuse; null for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="uri"/> is none of the accepted forms, or the options do not fit it.</exception>
    public static TpmBackend Tpm(string uri, TpmOptions? options = null) => new(uri, options);

    /// <summary>Opens a session for <paramref name="definition"/> on this backend.</summary>
    /// <exception cref="TsmDeviceNotFoundException">The backend has no such device (for sysfs: the directory does not exist).</exception>
    public abstract MeasurementSession Open(DeviceDefinition definition);

    /// <summary>
    /// Opens the device on the running machine: for a TPM (a device whose register files are the hex PCR text,
    /// <see cref="SysfsEncoding.Hex"/>) through <see cref="TpmResourceManagerDevice"/> when it exists and this process
    /// may open it (PCRs can then be extended), otherwise, and for every other device, through its sysfs directory (for
    /// a TPM: read-only PCR files).
    /// </summary>
    /// <exception cref="TsmDeviceNotFoundException">
    /// The directory does not exist; the message names it, says what the kernel needs and how to use the emulator instead.
    /// </exception>
    /// <exception cref="TpmException">The TPM device exists but failed to answer.</exception>
    public static MeasurementSession Detect(DeviceDefinition definition) => Detect(definition, TpmResourceManagerDevice);

    /// <summary><see cref="Detect(DeviceDefinition)"/> with the TPM device path given, so tests can point it elsewhere.</summary>
    internal static MeasurementSession Detect(DeviceDefinition definition, string tpmDevice)
    {
        ArgumentNullException.ThrowIfNull(definition);
        // Hex-encoded register files are the TPM driver's PCR text (drivers/char/tpm/tpm-sysfs.c), so such a device is a TPM.
        if (definition.Encoding == SysfsEncoding.Hex && File.Exists(tpmDevice))
        {
            try
            {
                return Tpm(tpmDevice).Open(definition);
            }
            catch (TpmTransportException e) when (e.Errno is LinuxErrno.EACCES or LinuxErrno.EPERM)
            {
                // Without access to the device (not root, not in its group) the world-readable sysfs files still read the PCRs.
            }
        }

        return Sysfs().Open(definition);
    }
}
