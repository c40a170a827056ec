using System;

namespace Tsm;

/// <summary>
/// The base of every error Tsm reports about devices and registers. The message always says what failed, where,
/// and what to do; the properties carry the same facts for programs.
/// </summary>
public class TsmException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">What failed, where, and what to do.</param>
    /// <param name="errno">The Linux errno behind the failure, when one exists.</param>
    /// <param name="registerName">The register involved (qualified name such as <c>rtmr3:sha384</c>), when one is.</param>
    /// <param name="path">The file or directory involved, when one is.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public TsmException(string message, int? errno = null, string? registerName = null, string? path = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Errno = errno;
        RegisterName = registerName;
        Path = path;
    }

    /// <summary>The Linux errno (see <see cref="LinuxErrno"/>) the kernel or the emulator returned, if any.</summary>
    public int? Errno { get; }

    /// <summary>The qualified name of the register involved (<c>rtmr3:sha384</c>, <c>mrconfigid</c>), if any.</summary>
    public string? RegisterName { get; }

    /// <summary>The full path of the file or directory involved, if any; emulated files are prefixed with <c>emulator:</c>.</summary>
    public string? Path { get; }
}
