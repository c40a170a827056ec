using System;

namespace Tsm.Attestation.Configfs;

/// <summary>The kernel could not allocate the report (ENOMEM).</summary>
public sealed class ConfigfsOutOfMemoryException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsOutOfMemoryException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
