using System.Globalization;

namespace Tsm.EventLog.Verification;

/// <summary>Evidence given to verify a log against is not a TD quote, a TDREPORT, or well-formed PCR values; text forms name the line.</summary>
public sealed class EvidenceFormatException : TsmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What is wrong.</param>
    /// <param name="line">The 1-based line of a text form, if the problem is on one.</param>
    public EvidenceFormatException(string reason, int? line = null)
        : base(line is int number ? string.Create(CultureInfo.InvariantCulture, $"Not usable evidence: at line {number}: {reason}") : $"Not usable evidence: {reason}")
    {
        Reason = reason;
        Line = line;
    }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line, for text evidence.</summary>
    public int? Line { get; }
}
