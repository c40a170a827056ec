namespace Tsm;

/// <summary>
/// A report field that this report's version (or type) does not have was read, e.g. SERVTD_HASH of a TDX 1.0
/// TDREPORT. Check the generated <c>HasXxx</c> property first; a missing field is never shown as zero.
/// </summary>
public sealed class ReportFieldNotPresentException : TsmException
{
    /// <summary>Creates the exception for <paramref name="field"/> of <paramref name="layout"/>.</summary>
    /// <param name="layout">The report type, e.g. <c>TdReport</c>.</param>
    /// <param name="field">The schema name of the field, e.g. <c>servtdhash</c>.</param>
    public ReportFieldNotPresentException(string layout, string field)
        : base($"{layout} has no field '{field}' in this version; check Has-properties before reading optional fields.")
    {
        Layout = layout;
        Field = field;
    }

    /// <summary>The report type.</summary>
    public string Layout { get; }

    /// <summary>The schema name of the missing field.</summary>
    public string Field { get; }
}
