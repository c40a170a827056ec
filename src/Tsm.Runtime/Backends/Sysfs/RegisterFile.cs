using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Tsm;

/// <summary>
/// One register file on disk, with its path encoded once as the NUL-terminated UTF-8 that <c>open(2)</c> takes, so
/// reads and extends do not allocate. Each operation opens, does exactly one <c>pread</c>/<c>pwrite</c> at offset 0
/// (repeated on EINTR, see <see cref="InterruptedCalls"/>) and closes, as the tsm-mr ABI expects.
/// </summary>
internal sealed unsafe class RegisterFile
{
    private readonly byte[] _nativePath;

    public RegisterFile(string path)
    {
        Path = path;
        _nativePath = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, _nativePath);
    }

    /// <summary>The full path.</summary>
    public string Path { get; }

    /// <summary>Reads up to <paramref name="buffer"/>.Length bytes from offset 0.</summary>
    /// <returns>The number of bytes read, or <c>-errno</c>.</returns>
    public int Read(Span<byte> buffer)
    {
        int fd = Open(LibC.O_RDONLY);
        if (fd < 0)
        {
            return fd;
        }

        try
        {
            fixed (byte* p = buffer)
            {
                nint count;
                int attempts = 0;
                do
                {
                    count = LibC.PRead(fd, p, (nuint)buffer.Length, 0);
                }
                while (Interrupted(count) && ++attempts < InterruptedCalls.MaxAttempts);

                return count < 0 ? -Marshal.GetLastPInvokeError() : (int)count;
            }
        }
        finally
        {
            _ = LibC.Close(fd);
        }
    }

    /// <summary>Writes <paramref name="data"/> with one <c>pwrite</c> at offset 0.</summary>
    /// <returns>The number of bytes the kernel accepted, or <c>-errno</c>.</returns>
    public int Write(ReadOnlySpan<byte> data)
    {
        int fd = Open(LibC.O_WRONLY);
        if (fd < 0)
        {
            return fd;
        }

        try
        {
            fixed (byte* p = data)
            {
                nint count;
                int attempts = 0;
                do
                {
                    count = LibC.PWrite(fd, p, (nuint)data.Length, 0);
                }
                while (Interrupted(count) && ++attempts < InterruptedCalls.MaxAttempts);

                return count < 0 ? -Marshal.GetLastPInvokeError() : (int)count;
            }
        }
        finally
        {
            _ = LibC.Close(fd);
        }
    }

    private static bool Interrupted(nint result) => result < 0 && Marshal.GetLastPInvokeError() == LinuxErrno.EINTR;

    private int Open(int flags)
    {
        fixed (byte* path = _nativePath)
        {
            int fd;
            int attempts = 0;
            do
            {
                fd = LibC.Open(path, flags | LibC.O_CLOEXEC);
            }
            while (Interrupted(fd) && ++attempts < InterruptedCalls.MaxAttempts);

            return fd < 0 ? -Marshal.GetLastPInvokeError() : fd;
        }
    }
}
