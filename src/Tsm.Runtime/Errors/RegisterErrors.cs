using System.Linq;

namespace Tsm;

/// <summary>
/// Builds the exceptions for register failures, so that the sysfs backend and the emulator word the same failure
/// the same way and every message names the register, the path and the remedy.
/// </summary>
internal static class RegisterErrors
{
    /// <summary>Maps a Linux errno from reading or extending a register file to its typed exception.</summary>
    public static TsmException FromErrno(int errno, bool extending, string register, string path, int size)
    {
        string failed = $"{(extending ? "Extending" : "Reading")} register '{register}' at '{path}' failed with {LinuxErrno.Describe(errno)}";
        return errno switch
        {
            LinuxErrno.EINVAL when extending => new InvalidMeasurementSizeException(
                $"{failed}: tsm-mr accepts only one write of exactly {size} bytes at offset 0; partial and offset writes are rejected.",
                expectedSize: size, errno: errno, registerName: register, path: path),
            LinuxErrno.ENXIO => new InvalidMeasurementOperandException(
                $"{failed}: the firmware rejected the operand (TDX: TDCALL_INVALID_OPERAND). The register is unchanged; check that this platform allows extending it.",
                errno, register, path),
            LinuxErrno.EBUSY => new MeasurementRegisterBusyException(
                $"{failed}: the firmware reported the register busy (TDX: TDCALL_OPERAND_BUSY). Nothing was changed; retry the operation.",
                errno, register, path),
            LinuxErrno.EIO => new MeasurementRegisterIOException(
                $"{failed}: the firmware call failed{(extending ? string.Empty : " while refreshing the value")}. See the kernel log (dmesg) for the TDCALL/RSI error.",
                errno, register, path),
            LinuxErrno.EACCES or LinuxErrno.EPERM when extending => new MeasurementRegisterNotWritableException(
                $"{failed}: the file has no write permission; registers that are not extendable have none for anyone, root included.",
                errno, register, path),
            LinuxErrno.EACCES or LinuxErrno.EPERM => new MeasurementRegisterNotReadableException(
                $"{failed}: the file is not readable for this process. Check its mode and owner, or run with the privileges the driver requires.",
                errno, register, path),
            LinuxErrno.ENOENT => new MeasurementRegisterNotFoundException(
                $"{failed}: the file does not exist. The kernel does not expose this register: check the kernel version (tsm-mr needs Linux 6.16 or later) and that the device's driver is loaded.",
                errno, register, path),
            LinuxErrno.EOPNOTSUPP => new TsmException(
                $"{failed}: the driver cannot extend this register (it has no hash algorithm, or the driver does not implement its hash).",
                errno, register, path),
            _ => new TsmException($"{failed}.", errno, register, path),
        };
    }

    /// <summary>
    /// EACCES or EPERM when writing a register that is extendable: the file is writable, but not by this process
    /// (extendable tsm-mr files are root-owned with mode 0644).
    /// </summary>
    public static MeasurementRegisterNotWritableException WriteDenied(int errno, string register, string path) =>
        new($"Extending register '{register}' at '{path}' failed with {LinuxErrno.Describe(errno)}: the file is root-owned with mode 0644, so only root can write it. "
            + $"Run as root, or grant this user write access to the file (for example a udev rule or 'chgrp GROUP {path} && chmod g+w {path}').",
            errno, register, path);

    /// <summary>An extend of a register whose definition is not extendable, raised before any I/O.</summary>
    public static MeasurementRegisterNotWritableException NotExtendable(DeviceDefinition device, RegisterDefinition register, string qualifiedName, string path)
    {
        string extendable = string.Join(", ", device.Registers.Where(r => r.IsExtendable).Select(r => r.QualifiedName));
        return new MeasurementRegisterNotWritableException(
            $"Register '{qualifiedName}' of {device.DisplayName} cannot be extended: the platform fixes its value{(register.IsLive ? " (it changes only through the hardware or an alias)" : string.Empty)}. "
            + (extendable.Length == 0 ? $"{device.DisplayName} has no extendable registers." : $"Extendable registers: {extendable}."),
            registerName: qualifiedName,
            path: path);
    }

    /// <summary>An extend through a read-only view (<see cref="ReadOnlyRegister{T}"/>, <see cref="AgileReadOnlyRegister"/>).</summary>
    public static MeasurementRegisterNotWritableException ReadOnlyView(MeasurementRegister register) =>
        new($"Register '{register.QualifiedName}' of {register.Session.Definition.DisplayName} is accessed through a read-only view ({register.GetType().Name}); extend it through an extendable register object instead.",
            registerName: register.QualifiedName);

    /// <summary>An extend with the wrong number of bytes, raised before any I/O.</summary>
    public static MeasurementSizeArgumentException WrongExtendSize(string qualifiedName, string path, int expected, int actual) =>
        new($"Extending register '{qualifiedName}' takes exactly {expected} bytes, but {actual} were given. Nothing was written to '{path}'; pass a {expected}-byte digest.",
            "data", expectedSize: expected, actualSize: actual, registerName: qualifiedName);

    /// <summary>A register file whose contents are shorter than the register.</summary>
    public static InvalidMeasurementSizeException ShortRead(string qualifiedName, string path, int expected, int actual) =>
        new($"Register file '{path}' of '{qualifiedName}' returned {actual} bytes, but the register is {expected} bytes. The file does not hold a {expected}-byte tsm-mr value; check that the directory is a tsm-mr 'measurements' directory.",
            expectedSize: expected, actualSize: actual, registerName: qualifiedName, path: path);

    /// <summary>The kernel wrote fewer bytes than the register size, which tsm-mr never does for a valid write.</summary>
    public static InvalidMeasurementSizeException ShortWrite(string qualifiedName, string path, int expected, int written) =>
        new($"Extending register '{qualifiedName}' at '{path}' wrote only {written} of {expected} bytes; tsm-mr extends with exactly one {expected}-byte write, so the file is not a tsm-mr register.",
            expectedSize: expected, actualSize: written, registerName: qualifiedName, path: path);

    /// <summary>An extend of a TPM PCR through its read-only sysfs text file.</summary>
    public static MeasurementRegisterNotWritableException PcrThroughSysfs(string qualifiedName, string path) =>
        new($"Register '{qualifiedName}' is a TPM PCR and '{path}' is a read-only sysfs text file: the kernel has no sysfs extend for PCRs. Extend PCRs with TPM2_PCR_Extend by opening the TPM directly: Tpm.Open(TsmBackend.Tpm(\"/dev/tpmrm0\")), or TsmBackend.Tpm(\"tcp://127.0.0.1:2321\") for swtpm.",
            errno: LinuxErrno.EACCES, registerName: qualifiedName, path: path);

    /// <summary>The device directory does not exist.</summary>
    public static TsmDeviceNotFoundException DeviceNotFound(DeviceDefinition device, string directory)
    {
        string requirement = device.Encoding == SysfsEncoding.Hex
            ? "TPM PCR files need a TPM 2.0 device with the Linux TPM driver (pcr-<hash> directories appeared in Linux 5.12)."
            : $"tsm-mr register files need Linux 6.16 or later (CONFIG_TSM_MEASUREMENTS) running inside the {device.DisplayName} guest, with the driver that creates this directory loaded.";
        return new TsmDeviceNotFoundException(
            $"{device.DisplayName} registers not found: the directory '{directory}' does not exist. {requirement} "
            + $"To run without the hardware, use the in-process emulator: {device.TypeName}.Open(TsmBackend.Emulated()).",
            directory);
    }
}
