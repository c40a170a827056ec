using System;
using System.Globalization;

namespace Tsm.Cli.Decoding;

/// <summary>
/// A file is not a report <c>tsm</c> can decode. <see cref="Exception.Message"/> is the whole explanation for the
/// user, naming the byte offset of the problem (from the start of the file) and the reason.
/// </summary>
internal sealed class UndecodableReportException : Exception
{
    public UndecodableReportException(string what, int offset, string reason)
        : base(string.Create(CultureInfo.InvariantCulture, $"{what}: at byte offset {offset}: {reason}"))
    {
    }

    /// <summary>The parser's own verdict, moved by <paramref name="start"/> when the report sits inside an envelope.</summary>
    public static UndecodableReportException From(ReportFormatException error, int start) =>
        new($"not a valid {error.Layout}", start + error.Offset, error.Reason);
}
