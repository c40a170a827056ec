using System;

namespace Tsm.Attestation.Configfs;

/// <summary>A blob is larger than configfs allows (EFBIG): more than 64 bytes of inblob, or a report over TSM_REPORT_OUTBLOB_MAX (32 KiB).</summary>
public sealed class ConfigfsBlobTooLargeException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsBlobTooLargeException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
