using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace Tsm;

/// <summary>
/// An exclusive <c>flock(2)</c> lock on a file, shared by every process on the machine that takes it on the same path
/// (and by threads of one process: each acquisition opens its own file description). The kernel drops it when the
/// holder exits, even by SIGKILL, so a crashed writer never leaves the lock behind. Advisory: it serialises only
/// the code that takes it.
/// </summary>
public sealed unsafe class AdvisoryFileLock : IDisposable
{
    private int _fd;

    private AdvisoryFileLock(string path, int fd)
    {
        Path = path;
        _fd = fd;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>
    /// Takes the lock on <paramref name="path"/>, creating the file (mode 0644) if it does not exist, and waits for
    /// another holder up to <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/>: as long as it takes).
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="TimeoutException">Another holder kept the lock for the whole timeout.</exception>
    /// <exception cref="IOException">The file cannot be created or opened (the message names it and the errno).</exception>
    public static AdvisoryFileLock Acquire(string path, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = System.IO.Path.GetFullPath(path);
        byte[] native = new byte[Encoding.UTF8.GetByteCount(fullPath) + 1];
        Encoding.UTF8.GetBytes(fullPath, native);
        int fd;
        fixed (byte* p = native)
        {
            fd = LibC.Open(p, LibC.O_RDWR | LibC.O_CREAT | LibC.O_CLOEXEC, 0x1A4);
        }

        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"Cannot open the lock file '{fullPath}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
        }

        // flock(2) cannot time out, so a bounded wait polls with LOCK_NB; an infinite one blocks in the kernel.
        int operation = timeout == Timeout.InfiniteTimeSpan ? LibC.LOCK_EX : LibC.LOCK_EX | LibC.LOCK_NB;
        var stopwatch = Stopwatch.StartNew();
        int spins = 0;
        while (LibC.Flock(fd, operation) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is not (LibC.EWOULDBLOCK or LinuxErrno.EINTR))
            {
                _ = LibC.Close(fd);
                throw new IOException($"Cannot lock '{fullPath}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
            }

            if (stopwatch.Elapsed >= timeout)
            {
                _ = LibC.Close(fd);
                throw new TimeoutException($"Another process held the lock on '{fullPath}' for more than {timeout.TotalSeconds:0.###} s.");
            }

            if (errno == LibC.EWOULDBLOCK)
            {
                Thread.Sleep(++spins < 10 ? 0 : 1);
            }
        }

        return new AdvisoryFileLock(fullPath, fd);
    }

    /// <summary>Releases the lock (closing the file releases it).</summary>
    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = LibC.Close(fd);
        }
    }
}
