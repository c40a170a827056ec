using System;

namespace Tsm.Attestation.Configfs;

/// <summary>The request is invalid (EINVAL, or ERANGE from <c>kstrtouint</c>): an inblob length the provider rejects, a privlevel outside [privlevel_floor, 3], a bad GUID, a service provider other than <c>svsm</c>, or no inblob at all.</summary>
public sealed class ConfigfsInvalidRequestException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsInvalidRequestException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
