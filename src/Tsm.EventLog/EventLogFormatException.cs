using System.Globalization;

namespace Tsm.EventLog;

/// <summary>
/// Bytes given to an event-log reader are not a valid log of its format: a truncated event, a size that points past
/// the data, an unknown digest algorithm, a malformed text line, or a log larger than
/// <see cref="EventLogInput.MaxLogSize"/>. <see cref="Offset"/> is where the problem is, counted from the start of the
/// caller's buffer; text formats also name the <see cref="Line"/>.
/// </summary>
public sealed class EventLogFormatException : TsmException
{
    /// <summary>Creates the exception for a <paramref name="format"/> log with the problem at <paramref name="offset"/>.</summary>
    /// <param name="format">The log format being read, e.g. <c>tcg-agile</c> (see <see cref="EventLogFormatNames"/>).</param>
    /// <param name="offset">The byte offset of the problem in the caller's buffer.</param>
    /// <param name="reason">What is wrong, e.g. "event data size 5000 exceeds the 4302 bytes left".</param>
    /// <param name="line">The 1-based line of the problem, for text formats.</param>
    public EventLogFormatException(string format, long offset, string reason, int? line = null)
        : base(line is int number
            ? string.Create(CultureInfo.InvariantCulture, $"Not a valid {format} log: at line {number} (byte offset {offset}): {reason}")
            : string.Create(CultureInfo.InvariantCulture, $"Not a valid {format} log: at byte offset {offset}: {reason}"))
    {
        Format = format;
        Offset = offset;
        Reason = reason;
        Line = line;
    }

    /// <summary>The log format being read (an <see cref="EventLogFormatNames"/> name).</summary>
    public string Format { get; }

    /// <summary>The byte offset of the problem, from the start of the caller's buffer.</summary>
    public long Offset { get; }

    /// <summary>What is wrong at <see cref="Offset"/>.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line of the problem for text formats (AAEL, CEL JSON); <see langword="null"/> for binary ones.</summary>
    public int? Line { get; }
}
