using System;
using System.Runtime.InteropServices;

namespace Tsm;

/// <summary>
/// The Linux errno values that tsm-mr, sysfs, configfs-tsm and the emulators report (generic Linux numbering, as on x86-64 and arm64).
/// Use them with <see cref="TsmException.Errno"/> and <see cref="EmulatedDevice.FailNext"/>.
/// </summary>
public static class LinuxErrno
{
    /// <summary>Operation not permitted.</summary>
    public const int EPERM = 1;

    /// <summary>No such file or directory: the register file does not exist.</summary>
    public const int ENOENT = 2;

    /// <summary>Interrupted system call: the kernel's killable lock was interrupted; nothing happened.</summary>
    public const int EINTR = 4;

    /// <summary>I/O error: the firmware call failed (TDX: any TDCALL error other than invalid operand or busy).</summary>
    public const int EIO = 5;

    /// <summary>No such device or address: the firmware rejected the operand (TDX: TDCALL_INVALID_OPERAND).</summary>
    public const int ENXIO = 6;

    /// <summary>Bad file descriptor: a handle that is not open.</summary>
    public const int EBADF = 9;

    /// <summary>Out of memory: the kernel could not allocate the report buffer (configfs-tsm providers).</summary>
    public const int ENOMEM = 12;

    /// <summary>Permission denied: the file mode does not allow the access (read-only register, or not root).</summary>
    public const int EACCES = 13;

    /// <summary>Bad address: configfs returns it for a zero-length write of a binary attribute (<c>fs/configfs/file.c</c>).</summary>
    public const int EFAULT = 14;

    /// <summary>Device or resource busy: the firmware reported the operand busy (TDX: TDCALL_OPERAND_BUSY).</summary>
    public const int EBUSY = 16;

    /// <summary>File exists: <c>mkdir</c> of a configfs-tsm report instance whose name is taken.</summary>
    public const int EEXIST = 17;

    /// <summary>Is a directory.</summary>
    public const int EISDIR = 21;

    /// <summary>Invalid argument: tsm-mr rejects writes that do not start at offset 0 or are shorter than the register.</summary>
    public const int EINVAL = 22;

    /// <summary>Inappropriate ioctl for device.</summary>
    public const int ENOTTY = 25;

    /// <summary>Text file busy: configfs refuses to mix reads and writes on one open binary attribute.</summary>
    public const int ETXTBSY = 26;

    /// <summary>File too large: sysfs rejects a write at or beyond the end of the register; configfs a binary attribute past its maximum.</summary>
    public const int EFBIG = 27;

    /// <summary>Numerical result out of range: <c>kstrtouint</c> overflow of a configfs-tsm number.</summary>
    public const int ERANGE = 34;

    /// <summary>Directory not empty: <c>rmdir</c> of a plain directory that still holds files.</summary>
    public const int ENOTEMPTY = 39;

    /// <summary>Operation not supported: the driver cannot extend this register (NOHASH, or a hash it does not implement).</summary>
    public const int EOPNOTSUPP = 95;

    /// <summary>Connection timed out: the TDX quote was not ready within the driver's 30 seconds.</summary>
    public const int ETIMEDOUT = 110;

    /// <summary>The symbolic name and description of <paramref name="errno"/>, e.g. <c>EBUSY (Device or resource busy)</c>.</summary>
    public static string Describe(int errno) => errno switch
    {
        EPERM => "EPERM (Operation not permitted)",
        ENOENT => "ENOENT (No such file or directory)",
        EINTR => "EINTR (Interrupted system call)",
        EIO => "EIO (Input/output error)",
        ENXIO => "ENXIO (No such device or address)",
        EBADF => "EBADF (Bad file descriptor)",
        ENOMEM => "ENOMEM (Cannot allocate memory)",
        EACCES => "EACCES (Permission denied)",
        EFAULT => "EFAULT (Bad address)",
        EEXIST => "EEXIST (File exists)",
        EBUSY => "EBUSY (Device or resource busy)",
        EISDIR => "EISDIR (Is a directory)",
        EINVAL => "EINVAL (Invalid argument)",
        ENOTTY => "ENOTTY (Inappropriate ioctl for device)",
        ETXTBSY => "ETXTBSY (Text file busy)",
        EFBIG => "EFBIG (File too large)",
        ERANGE => "ERANGE (Numerical result out of range)",
        ENOTEMPTY => "ENOTEMPTY (Directory not empty)",
        EOPNOTSUPP => "EOPNOTSUPP (Operation not supported)",
        ETIMEDOUT => "ETIMEDOUT (Connection timed out)",
        _ when OperatingSystem.IsLinux() => $"errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})",
        _ => $"errno {errno}",
    };
}
