using System;

namespace Tsm.Attestation.Configfs;

/// <summary>The quote did not arrive in time (ETIMEDOUT: TDX waits 30 seconds for the host's GetQuote service).</summary>
public sealed class ConfigfsTimeoutException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsTimeoutException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
