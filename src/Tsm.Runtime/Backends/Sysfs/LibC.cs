using System.Runtime.InteropServices;

namespace Tsm;

/// <summary>
/// The libc calls the sysfs, configfs-tsm and TPM device backends (and the advisory file lock and the emulator's state file) need. They are called directly rather than through <c>FileStream</c>
/// because both contracts are about single system calls (tsm-mr: one <c>pwrite</c> of exactly the register size at
/// offset 0; a TPM character device: one <c>write</c> of the command, one <c>read</c> of the response) and their errors
/// are errnos (EINVAL, EBUSY, ENXIO, EIO) that must reach the caller unchanged.
/// </summary>
internal static unsafe partial class LibC
{
    /// <summary>Open for reading.</summary>
    public const int O_RDONLY = 0;

    /// <summary>Open for writing.</summary>
    public const int O_WRONLY = 1;

    /// <summary>Open for reading and writing.</summary>
    public const int O_RDWR = 2;

    /// <summary>Close on exec, so children never inherit a register file descriptor.</summary>
    public const int O_CLOEXEC = 0x80000;

    /// <summary>Create the file if it does not exist.</summary>
    public const int O_CREAT = 0x40;

    /// <summary><c>flock(2)</c>: an exclusive lock.</summary>
    public const int LOCK_EX = 2;

    /// <summary><c>flock(2)</c>: fail with EWOULDBLOCK instead of waiting.</summary>
    public const int LOCK_NB = 4;

    /// <summary>EWOULDBLOCK (= EAGAIN on Linux): the lock is held elsewhere.</summary>
    public const int EWOULDBLOCK = 11;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    public static partial nint PRead(int fd, byte* buffer, nuint count, nint offset);

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    public static partial nint PWrite(int fd, byte* buffer, nuint count, nint offset);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true)]
    public static partial int MkDir(byte* path, uint mode);

    [LibraryImport("libc", EntryPoint = "rmdir", SetLastError = true)]
    public static partial int RmDir(byte* path);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
