namespace Tsm.EventLog.Recording;

/// <summary>
/// A bank's starting value as the log's INIT records it, against what it should be: the register's reset value, or,
/// when a firmware log is given, what that log replays the register to (the CCEL for a TDX RTMR).
/// </summary>
/// <param name="Register">The bank's qualified name.</param>
/// <param name="Bank">The bank's hash.</param>
/// <param name="RecordedHex">The start the log records, lowercase hex.</param>
/// <param name="ExpectedHex">The reset value or the firmware log's value, lowercase hex.</param>
/// <param name="Source">Where the expected value comes from: <c>reset value</c> or the firmware log's path.</param>
/// <param name="IsFirmwareChecked">Whether a firmware log gave the expected value; without one a non-reset start is unexplained, not wrong.</param>
public sealed record BaselineCheck(string Register, MeasurementHash Bank, string RecordedHex, string ExpectedHex, string Source, bool IsFirmwareChecked)
{
    /// <summary>Whether the recorded start is the expected one.</summary>
    public bool Matches => RecordedHex == ExpectedHex;
}
