using System;

namespace Tsm;

/// <summary>A register name that the device does not define, or a register file that does not exist (ENOENT).</summary>
public sealed class MeasurementRegisterNotFoundException : TsmException
{
    /// <inheritdoc cref="TsmException(string, int?, string?, string?, Exception?)"/>
    public MeasurementRegisterNotFoundException(string message, int? errno = null, string? registerName = null, string? path = null, Exception? innerException = null)
        : base(message, errno, registerName, path, innerException)
    {
    }
}
