using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace Tsm;

/// <summary>
/// Makes a directory's entries durable: a file that was just created or renamed into a directory survives a power
/// loss only once the directory itself is fsync'ed (<c>fsync(2)</c>: "calling fsync() on the file does not necessarily
/// ensure that the entry in the directory containing the file has also reached disk"). The measurement log does this
/// when it creates a log, the file-backed emulator after each atomic replace.
/// </summary>
public static unsafe class DurableDirectory
{
    /// <summary>Fsyncs <paramref name="directory"/> (retrying EINTR).</summary>
    /// <exception cref="IOException">The directory cannot be opened or fsync'ed; the message names it and the errno.</exception>
    public static void Sync(string directory)
    {
        System.ArgumentException.ThrowIfNullOrEmpty(directory);
        byte[] native = new byte[Encoding.UTF8.GetByteCount(directory) + 1];
        Encoding.UTF8.GetBytes(directory, native);
        int fd;
        fixed (byte* p = native)
        {
            fd = LibC.Open(p, LibC.O_RDONLY | LibC.O_CLOEXEC);
        }

        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot open the directory '{directory}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }

        try
        {
            while (LibC.Fsync(fd) != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno != LinuxErrno.EINTR)
                {
                    throw new IOException($"cannot fsync the directory '{directory}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
                }
            }
        }
        finally
        {
            _ = LibC.Close(fd);
        }
    }
}
