using System;

namespace Tsm.Attestation.Configfs;

/// <summary>A signal interrupted the provider's lock or wait (EINTR) more often than the runtime retries it; nothing was generated.</summary>
public sealed class ConfigfsInterruptedException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsInterruptedException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
