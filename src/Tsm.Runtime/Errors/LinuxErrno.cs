using System;
using System.Runtime.InteropServices;

namespace Tsm;

/// <summary>
/// The Linux errno values that tsm-mr, sysfs and the emulator report (generic Linux numbering, as on x86-64 and arm64).
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

    /// <summary>Permission denied: the file mode does not allow the access (read-only register, or not root).</summary>
    public const int EACCES = 13;

    /// <summary>Device or resource busy: the firmware reported the operand busy (TDX: TDCALL_OPERAND_BUSY).</summary>
    public const int EBUSY = 16;

    /// <summary>Is a directory.</summary>
    public const int EISDIR = 21;

    /// <summary>Invalid argument: tsm-mr rejects writes that do not start at offset 0 or are shorter than the register.</summary>
    public const int EINVAL = 22;

    /// <summary>File too large: sysfs rejects a write at or beyond the end of the register.</summary>
    public const int EFBIG = 27;

    /// <summary>Operation not supported: the driver cannot extend this register (NOHASH, or a hash it does not implement).</summary>
    public const int EOPNOTSUPP = 95;

    /// <summary>The symbolic name and description of <paramref name="errno"/>, e.g. <c>EBUSY (Device or resource busy)</c>.</summary>
    public static string Describe(int errno) => errno switch
    {
        EPERM => "EPERM (Operation not permitted)",
        ENOENT => "ENOENT (No such file or directory)",
        EINTR => "EINTR (Interrupted system call)",
        EIO => "EIO (Input/output error)",
        ENXIO => "ENXIO (No such device or address)",
        EACCES => "EACCES (Permission denied)",
        EBUSY => "EBUSY (Device or resource busy)",
        EISDIR => "EISDIR (Is a directory)",
        EINVAL => "EINVAL (Invalid argument)",
        EFBIG => "EFBIG (File too large)",
        EOPNOTSUPP => "EOPNOTSUPP (Operation not supported)",
        _ when OperatingSystem.IsLinux() => $"errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})",
        _ => $"errno {errno}",
    };
}
