using System;

namespace Tsm.Attestation.Configfs;

/// <summary>Another writer changed the report instance while it was being used: <c>generation</c> did not advance by exactly one per store this process made, on every attempt.</summary>
public sealed class ConfigfsGenerationRaceException : ConfigfsReportException
{
    /// <inheritdoc cref="ConfigfsReportException(string, int?, string?, string?, string?, Exception?)"/>
    public ConfigfsGenerationRaceException(string message, int? errno = null, string? path = null, string? attribute = null, string? provider = null, Exception? innerException = null)
        : base(message, errno, path, attribute, provider, innerException)
    {
    }
}
