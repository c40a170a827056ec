using System.Runtime.InteropServices;

namespace Tsm;

/// <summary>
/// The four libc calls the sysfs backend needs. They are called directly rather than through <c>FileStream</c>
/// because tsm-mr's contract is about single system calls (one <c>pwrite</c> of exactly the register size at
/// offset 0) and its errors are errnos (EINVAL, EBUSY, ENXIO, EIO) that must reach the caller unchanged.
/// </summary>
internal static unsafe partial class LibC
{
    /// <summary>Open for reading.</summary>
    public const int O_RDONLY = 0;

    /// <summary>Open for writing.</summary>
    public const int O_WRONLY = 1;

    /// <summary>Close on exec, so children never inherit a register file descriptor.</summary>
    public const int O_CLOEXEC = 0x80000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    public static partial nint PRead(int fd, byte* buffer, nuint count, nint offset);

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    public static partial nint PWrite(int fd, byte* buffer, nuint count, nint offset);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
