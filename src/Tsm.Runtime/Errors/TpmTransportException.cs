using System;

namespace Tsm;

/// <summary>
/// The TPM could not be reached or stopped answering: the device could not be opened or written, the simulator refused
/// or closed the connection, or no response came within <see cref="TpmOptions.Timeout"/>. Whether a command that was
/// under way took effect is unknown; read the PCRs again before relying on them.
/// </summary>
public sealed class TpmTransportException : TpmException
{
    /// <inheritdoc cref="TpmException(string, TpmCommand?, string?, int?, Exception?)"/>
    public TpmTransportException(string message, TpmCommand? command, string? path, int? errno = null, Exception? innerException = null)
        : base(message, command, path, errno, innerException)
    {
    }
}
