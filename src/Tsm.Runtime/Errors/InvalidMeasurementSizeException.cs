using System;

namespace Tsm;

/// <summary>
/// Data or a register file of the wrong size: an extend with the wrong number of bytes (checked before any I/O),
/// the kernel's EINVAL for a partial write, a register file shorter than the register, or bytes that do not fit a value type.
/// </summary>
public sealed class InvalidMeasurementSizeException : TsmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">What failed, where, and what to do.</param>
    /// <param name="expectedSize">The size in bytes that was required, when known.</param>
    /// <param name="actualSize">The size in bytes that was given or found, when known.</param>
    /// <param name="errno">The Linux errno behind the failure (EINVAL from the kernel), when one exists.</param>
    /// <param name="registerName">The register involved, when one is.</param>
    /// <param name="path">The file involved, when one is.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public InvalidMeasurementSizeException(
        string message,
        int? expectedSize = null,
        int? actualSize = null,
        int? errno = null,
        string? registerName = null,
        string? path = null,
        Exception? innerException = null)
        : base(message, errno, registerName, path, innerException)
    {
        ExpectedSize = expectedSize;
        ActualSize = actualSize;
    }

    /// <summary>The size in bytes that was required, when known.</summary>
    public int? ExpectedSize { get; }

    /// <summary>The size in bytes that was given or found, when known.</summary>
    public int? ActualSize { get; }
}
