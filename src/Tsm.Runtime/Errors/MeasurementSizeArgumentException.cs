using System;

namespace Tsm;

/// <summary>
/// An argument of the wrong size, found before any I/O: extend data that is not exactly the register's size, bytes that
/// do not fit a digest type, or a value of the wrong size for an emulated register. Nothing was read or written.
/// (<see cref="InvalidMeasurementSizeException"/> is what the kernel's EINVAL and a short register file give.)
/// </summary>
public sealed class MeasurementSizeArgumentException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong and what to pass instead.</param>
    /// <param name="paramName">The argument.</param>
    /// <param name="expectedSize">The size in bytes that was required.</param>
    /// <param name="actualSize">The size in bytes that was given.</param>
    /// <param name="registerName">The register involved, when one is.</param>
    public MeasurementSizeArgumentException(string message, string? paramName, int expectedSize, int actualSize, string? registerName = null)
        : base(message, paramName)
    {
        ExpectedSize = expectedSize;
        ActualSize = actualSize;
        RegisterName = registerName;
    }

    /// <summary>The size in bytes that was required (for an opaque agile value: the most it holds).</summary>
    public int ExpectedSize { get; }

    /// <summary>The size in bytes that was given.</summary>
    public int ActualSize { get; }

    /// <summary>The register involved, when one is.</summary>
    public string? RegisterName { get; }
}
