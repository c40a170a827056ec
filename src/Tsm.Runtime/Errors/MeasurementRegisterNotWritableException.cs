using System;

namespace Tsm;

/// <summary>An extend of a register that cannot be extended: read-only in the schema, a read-only view, a TPM PCR through sysfs, or a file the kernel refused to open for writing (EACCES, EPERM).</summary>
public sealed class MeasurementRegisterNotWritableException : TsmException
{
    /// <inheritdoc cref="TsmException(string, int?, string?, string?, Exception?)"/>
    public MeasurementRegisterNotWritableException(string message, int? errno = null, string? registerName = null, string? path = null, Exception? innerException = null)
        : base(message, errno, registerName, path, innerException)
    {
    }
}
