using System;

namespace Tsm.EventLog.Recording;

/// <summary>One entry of a measurement log: INIT, or an event with its domain, operation and content.</summary>
/// <param name="Number">The entry's number, from 0 (INIT).</param>
/// <param name="Text">The entry as an AAEL line, without its LF (a CEL INIT lists every bank: <c>INIT sha1/hex sha256/hex</c>).</param>
/// <param name="Domain">The event's domain; null for INIT.</param>
/// <param name="Operation">The event's operation; null for INIT.</param>
/// <param name="Content">The event's content; for INIT the <c>alg/hex</c> starting value.</param>
public sealed record LoggedEntry(int Number, string Text, string? Domain, string? Operation, string Content)
{
    /// <summary>
    /// Splits an attestation-agent line: <c>INIT alg/hex</c> (its content is what follows INIT) or <c>domain operation
    /// content</c>. A line of a tagged event that the grammar did not check and has fewer than three parts keeps only its
    /// content, everything after the first space.
    /// </summary>
    /// <param name="number">The entry's number in its log.</param>
    /// <param name="line">The line without its LF; it holds a space.</param>
    public static LoggedEntry Parse(int number, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] parts = line.Split(' ', 3);
        return parts[0] == "INIT" || parts.Length < 3
            ? new LoggedEntry(number, line, null, null, line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..])
            : new LoggedEntry(number, line, parts[0], parts[1], parts[2]);
    }
}
