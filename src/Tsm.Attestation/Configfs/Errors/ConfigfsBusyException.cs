using System;

namespace Tsm.Attestation.Configfs;

/// <summary>The provider is busy (EBUSY): a previous TDX quote is still in flight, TDG.MR.REPORT reported the operand busy, or the generation counter is about to wrap. Retrying later is the remedy.</summary>
public sealed class ConfigfsBusyException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsBusyException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
