using System;

namespace Tsm;

/// <summary>
/// A response that is not a well-formed answer to the command: a bad tag, a size field that disagrees with the bytes
/// received or exceeds the 4096-byte bound, a response cut short, or fields that contradict the request. The message
/// names the command and the byte offset.
/// </summary>
public sealed class TpmProtocolException : TpmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">The command, the offset and what is wrong.</param>
    /// <param name="command">The command whose response is malformed.</param>
    /// <param name="offset">The byte offset in the response (for transport framing: in the frame) where the problem is.</param>
    /// <param name="path">The TPM's device path or URI.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public TpmProtocolException(string message, TpmCommand? command, int offset, string? path, Exception? innerException = null)
        : base(message, command, path, errno: null, innerException) => Offset = offset;

    /// <summary>The byte offset where the response goes wrong.</summary>
    public int Offset { get; }
}
