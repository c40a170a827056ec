using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tsm.EventLog;

/// <summary>
/// Failure messages of the readers, out of line so that a reader's success path does no string formatting
/// (the same reason as <see cref="ReportErrors"/>).
/// </summary>
internal static class EventLogErrors
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Truncated(string field, int needed, int left) =>
        string.Create(CultureInfo.InvariantCulture, $"{field} needs {needed} bytes, but only {left} are left");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string SizeTooLarge(string field, long size, int left) =>
        string.Create(CultureInfo.InvariantCulture, $"{field} {size} exceeds the {left} bytes left");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Unexpected(string field, long value, string expected) =>
        string.Create(CultureInfo.InvariantCulture, $"{field} is {value}; expected {expected}");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(string format, long offset, string reason) => throw new EventLogFormatException(format, offset, reason);
}
