using System;

namespace Tsm;

/// <summary>The firmware reported the register busy (EBUSY; TDX: TDCALL_OPERAND_BUSY). Retrying later is the remedy.</summary>
public sealed class MeasurementRegisterBusyException : TsmException
{
    /// <inheritdoc cref="TsmException(string, int?, string?, string?, Exception?)"/>
    public MeasurementRegisterBusyException(string message, int? errno = null, string? registerName = null, string? path = null, Exception? innerException = null)
        : base(message, errno, registerName, path, innerException)
    {
    }
}
