using System;

namespace Tsm;

/// <summary>
/// The device's register directory does not exist: not a confidential guest, a kernel without tsm-mr (Linux 6.16+),
/// or the driver is not loaded. The message names the probed path and shows how to use the emulator instead.
/// </summary>
public sealed class TsmDeviceNotFoundException : TsmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">What was probed, what the kernel needs, and how to use the emulator.</param>
    /// <param name="path">The directory that was probed.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public TsmDeviceNotFoundException(string message, string? path = null, Exception? innerException = null)
        : base(message, errno: null, registerName: null, path, innerException)
    {
    }
}
