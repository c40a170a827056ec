using System;

namespace Tsm;

/// <summary>
/// The TPM answered a command with an error or warning response code, decoded in <see cref="ResponseCode"/>
/// (<c>TPM_RC_LOCALITY</c>, <c>TPM_RC_VALUE</c> with its parameter number, ...). The command had no effect.
/// </summary>
public sealed class TpmResponseException : TpmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">The command, the decoded code and what to do.</param>
    /// <param name="command">The command the TPM refused.</param>
    /// <param name="responseCode">The response code from the response header.</param>
    /// <param name="path">The TPM's device path or URI.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public TpmResponseException(string message, TpmCommand command, TpmResponseCode responseCode, string? path, Exception? innerException = null)
        : base(message, command, path, errno: null, innerException) => ResponseCode = responseCode;

    /// <summary>The decoded response code.</summary>
    public TpmResponseCode ResponseCode { get; }
}
