using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tsm;

/// <summary>
/// The failure messages of generated report parsers. They live here, out of line, so a parser's success path carries
/// no string formatting: inline interpolation made every call zero a formatting buffer, valid input or not.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReportErrors
{
    /// <summary>The input is shorter than the layout's fixed part.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string TooShort(int minimum, int actual) =>
        string.Create(CultureInfo.InvariantCulture, $"needs at least {minimum} bytes, got {actual}");

    /// <summary>A field does not fit in the input.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string OutOfBounds(string field, int offset, int length, int inputLength) =>
        string.Create(CultureInfo.InvariantCulture, $"'{field}' needs {length} bytes at offset {offset}, but the input ends at {inputLength}");

    /// <summary>A field whose size comes from another field does not fit in the input.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string OutOfBounds(string field, string sizeField, int offset, long length, int inputLength) =>
        string.Create(CultureInfo.InvariantCulture, $"'{field}' needs {length} bytes (from '{sizeField}') at offset {offset}, but the input ends at {inputLength}");

    /// <summary>A checked field has a value the layout does not allow.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string UnexpectedValue(string field, long value, string expected) =>
        string.Create(CultureInfo.InvariantCulture, $"'{field}' is {value}; expected {expected}");

    /// <summary>Bytes follow the end of a layout that does not allow trailing bytes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string UnexpectedTrailingBytes(string layout, int end, int inputLength) =>
        string.Create(CultureInfo.InvariantCulture, $"{inputLength - end} unexpected bytes after the end of the {layout} (expected {end} bytes)");

    /// <summary>A field placed after another field that this input does not have.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string MissingPredecessor(string field, string after) =>
        $"'{field}' follows '{after}', which this input does not have";

    /// <summary>A nested layout is invalid: the field's name prefixes the nested reason.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string InNested(string field, string reason) => field + ": " + reason;

    /// <summary>Throws the <see cref="ReportFormatException"/> for a failed parse.</summary>
    /// <remarks>
    /// Not marked <c>NoInlining</c>: the JIT then sees that it never returns, treats the failure as cold and keeps the
    /// facts of a successful parse (for example the input's exact length) for the reads that follow.
    /// </remarks>
    [DoesNotReturn]
    public static void Throw(string layout, int offset, string reason) => throw new ReportFormatException(layout, offset, reason);

    /// <summary>
    /// Throws the <see cref="InvalidOperationException"/> for a field read on a default view (<c>default(TdReport)</c>),
    /// which covers no bytes: only <c>Parse</c> and <c>TryParse</c> make views whose fields can be read.
    /// </summary>
    /// <param name="layout">The report type, e.g. <c>TdReport</c>.</param>
    [DoesNotReturn]
    public static void ThrowDefaultView(string layout) => throw new InvalidOperationException(DefaultView(layout));

    /// <summary>
    /// Throws the <see cref="InvalidOperationException"/> for a nested view whose bytes no longer hold its fixed part:
    /// a view reads the caller's bytes in place and builds nested views on each read, so bytes changed after the parse
    /// can reach here, never bytes that are as they were parsed.
    /// </summary>
    /// <param name="layout">The report type, e.g. <c>QeReportCertificationData</c>.</param>
    [DoesNotReturn]
    public static void ThrowChangedSinceParse(string layout) => throw new InvalidOperationException(ChangedSinceParse(layout));

    // Out of line, so the throw helpers above stay small enough for the JIT to see that they never return.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string DefaultView(string layout) =>
        layout + " is a default view over no bytes; create it with " + layout + ".Parse or " + layout + ".TryParse before reading its fields.";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ChangedSinceParse(string layout) =>
        "The bytes of " + layout + " changed after they were parsed and no longer hold its fixed part; a view reads the bytes in place, so keep them unchanged while it is used.";
}
