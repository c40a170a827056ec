using System;

namespace Tsm;

/// <summary>
/// The base of the TPM backend's errors: a command the TPM refused (<see cref="TpmResponseException"/>), a connection or
/// device that failed (<see cref="TpmTransportException"/>) or a response that is not a TPM response
/// (<see cref="TpmProtocolException"/>). The message names the command, the TPM and what to do.
/// </summary>
public class TpmException : TsmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">What failed, where, and what to do.</param>
    /// <param name="command">The command that was running, or null for a simulator's power-on signals.</param>
    /// <param name="path">The TPM: a device path (<c>/dev/tpmrm0</c>) or a URI (<c>tcp://127.0.0.1:2321</c>).</param>
    /// <param name="errno">The Linux errno behind the failure, when one exists.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public TpmException(string message, TpmCommand? command, string? path, int? errno = null, Exception? innerException = null)
        : base(message, errno, registerName: null, path, innerException) => Command = command;

    /// <summary>The command that was running, or null when the failure came before any command (a simulator's power-on).</summary>
    public TpmCommand? Command { get; }
}
