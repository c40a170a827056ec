using System;

namespace Tsm;

/// <summary>
/// A <see cref="FileEmulatedBackend"/> state file cannot be used: it is not a state file of this format version, it is
/// truncated, corrupted or larger than any state file, it does not fit the device definitions it is opened with, or it
/// cannot be read or replaced. The message names the file, the byte offset where reading stopped (when one applies)
/// and the reason.
/// </summary>
public sealed class EmulatorStateException : TsmException
{
    /// <summary>Creates an exception about <paramref name="stateFile"/>.</summary>
    /// <param name="stateFile">The state file.</param>
    /// <param name="offset">The byte offset in the file where the problem is, or null when it concerns the whole file.</param>
    /// <param name="reason">What is wrong, without the file name.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public EmulatorStateException(string stateFile, long? offset, string reason, Exception? innerException = null)
        : base(Format(stateFile, offset, reason), path: stateFile, innerException: innerException)
    {
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The byte offset in the state file where the problem is, or null when it concerns the whole file.</summary>
    public long? Offset { get; }

    /// <summary>What is wrong, without the file name and offset.</summary>
    public string Reason { get; }

    private static string Format(string stateFile, long? offset, string reason) =>
        offset is { } at
            ? $"Emulator state file '{stateFile}' at byte {at}: {reason}. Delete the file to start from reset registers."
            : $"Emulator state file '{stateFile}': {reason}.";
}
