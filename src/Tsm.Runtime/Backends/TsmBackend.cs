using System;

namespace Tsm;

/// <summary>
/// Where a device's registers live: the Linux kernel's sysfs files, a directory laid out like them, or the
/// in-process emulator. Generated device classes take one in <c>Open(TsmBackend)</c>.
/// </summary>
public abstract class TsmBackend
{
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

    /// <summary>Opens a session for <paramref name="definition"/> on this backend.</summary>
    /// <exception cref="TsmDeviceNotFoundException">The backend has no such device (for sysfs: the directory does not exist).</exception>
    public abstract MeasurementSession Open(DeviceDefinition definition);

    /// <summary>
    /// Opens the device on the running machine through its sysfs directory.
    /// </summary>
    /// <exception cref="TsmDeviceNotFoundException">
    /// The directory does not exist; the message names it, says what the kernel needs and how to use the emulator instead.
    /// </exception>
    public static MeasurementSession Detect(DeviceDefinition definition) => Sysfs().Open(definition);
}
