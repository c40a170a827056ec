using System;

namespace Tsm.EventLog;

/// <summary>The names of <see cref="EventLogFormat"/> values used in messages and in the CLI's <c>"format"</c> field.</summary>
public static class EventLogFormatNames
{
    /// <summary>The name of <paramref name="format"/>: <c>tcg-agile</c>, <c>tcg-sha1</c>, <c>ccel</c>, <c>cel-tlv</c>, <c>cel-json</c> or <c>aael</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined value.</exception>
    public static string Name(this EventLogFormat format) => format switch
    {
        EventLogFormat.TcgAgile => "tcg-agile",
        EventLogFormat.TcgSha1 => "tcg-sha1",
        EventLogFormat.Ccel => "ccel",
        EventLogFormat.CelTlv => "cel-tlv",
        EventLogFormat.CelJson => "cel-json",
        EventLogFormat.Aael => "aael",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an event-log format"),
    };

    /// <summary>Parses a name that <see cref="Name"/> returns.</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> names a format.</returns>
    public static bool TryParse(string name, out EventLogFormat format)
    {
        foreach (EventLogFormat candidate in Enum.GetValues<EventLogFormat>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }
}
