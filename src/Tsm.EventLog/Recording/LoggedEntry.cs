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
    /// <summary>Splits a line that the AAEL grammar has already accepted.</summary>
    internal static LoggedEntry From(int number, string line)
    {
        if (number == 0)
        {
            return new LoggedEntry(number, line, null, null, line[5..]);
        }

        int first = line.IndexOf(' ', StringComparison.Ordinal);
        int second = line.IndexOf(' ', first + 1);
        return new LoggedEntry(number, line, line[..first], line[(first + 1)..second], line[(second + 1)..]);
    }
}
