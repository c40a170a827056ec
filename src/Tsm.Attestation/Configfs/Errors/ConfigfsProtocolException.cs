using System;

namespace Tsm.Attestation.Configfs;

/// <summary>The configfs file protocol was misused or answered unexpectedly: a zero-length binary write (EFAULT), reads and writes mixed on one binary attribute descriptor (ETXTBSY), a short write, or unparsable text.</summary>
public sealed class ConfigfsProtocolException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsProtocolException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
