using System;

namespace Tsm;

/// <summary>The firmware call behind a read or extend failed (EIO), for example a failed TDCALL while refreshing live registers.</summary>
public sealed class MeasurementRegisterIOException : TsmException
{
    /// <inheritdoc cref="TsmException(string, int?, string?, string?, Exception?)"/>
    public MeasurementRegisterIOException(string message, int? errno = null, string? registerName = null, string? path = null, Exception? innerException = null)
        : base(message, errno, registerName, path, innerException)
    {
    }
}
