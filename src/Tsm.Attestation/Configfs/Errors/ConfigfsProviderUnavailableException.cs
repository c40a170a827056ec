using System;

namespace Tsm.Attestation.Configfs;

/// <summary>No provider can make the report (ENXIO): none is registered at <c>mkdir</c>, or the firmware call failed (SEV: a firmware status other than INVALID_PARAM/INVALID_KEY; CCA: RSI failure; TDX: TDG.MR.REPORT).</summary>
public sealed class ConfigfsProviderUnavailableException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsProviderUnavailableException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
