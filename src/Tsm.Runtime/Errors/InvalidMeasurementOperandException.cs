using System;

namespace Tsm;

/// <summary>The firmware rejected the extend operand (ENXIO; TDX: TDCALL_INVALID_OPERAND).</summary>
public sealed class InvalidMeasurementOperandException : TsmException
{
    /// <inheritdoc cref="TsmException(string, int?, string?, string?, Exception?)"/>
    public InvalidMeasurementOperandException(string message, int? errno = null, string? registerName = null, string? path = null, Exception? innerException = null)
        : base(message, errno, registerName, path, innerException)
    {
    }
}
