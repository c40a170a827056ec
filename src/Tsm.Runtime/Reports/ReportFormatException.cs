using System.Globalization;

namespace Tsm;

/// <summary>
/// Bytes given to a generated report parser are not a valid report: too short, a wrong type or version field, or an
/// internal length that points past the data. <see cref="Offset"/> is where the problem is, counted from the start of
/// the outermost buffer the caller passed.
/// </summary>
public sealed class ReportFormatException : TsmException
{
    /// <summary>Creates the exception for <paramref name="layout"/> with the problem at <paramref name="offset"/>.</summary>
    /// <param name="layout">The report type being parsed, e.g. <c>TdQuote</c>.</param>
    /// <param name="offset">The byte offset of the problem in the caller's buffer.</param>
    /// <param name="reason">What is wrong, e.g. "signature data length 5000 exceeds the 4302 bytes after it".</param>
    public ReportFormatException(string layout, int offset, string reason)
        : base(string.Create(CultureInfo.InvariantCulture, $"Not a valid {layout}: at byte offset {offset}: {reason}"))
    {
        Layout = layout;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The report type being parsed (the generated type's name).</summary>
    public string Layout { get; }

    /// <summary>The byte offset of the problem, from the start of the caller's buffer.</summary>
    public int Offset { get; }

    /// <summary>What is wrong at <see cref="Offset"/>.</summary>
    public string Reason { get; }
}
