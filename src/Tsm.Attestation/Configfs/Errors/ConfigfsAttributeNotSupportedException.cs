using System;

namespace Tsm.Attestation.Configfs;

/// <summary>The provider does not show the attribute (ENOENT at open), e.g. <c>privlevel</c> under <c>tdx_guest</c>; raised before anything is written to it.</summary>
public sealed class ConfigfsAttributeNotSupportedException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsAttributeNotSupportedException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
