using System;

namespace Tsm;

/// <summary>A read of a register file the kernel refused to open for reading (EACCES, EPERM).</summary>
public sealed class MeasurementRegisterNotReadableException : TsmException
{
    /// <inheritdoc cref="TsmException(string, int?, string?, string?, Exception?)"/>
    public MeasurementRegisterNotReadableException(string message, int? errno = null, string? registerName = null, string? path = null, Exception? innerException = null)
        : base(message, errno, registerName, path, innerException)
    {
    }
}
