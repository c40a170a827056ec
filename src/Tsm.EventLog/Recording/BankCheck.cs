namespace Tsm.EventLog.Recording;

/// <summary>One bank of a register checked against its measurement log.</summary>
/// <param name="Register">The bank's qualified name (<c>rtmr3:sha384</c>, <c>pcr23:sha256</c>).</param>
/// <param name="Bank">The bank's hash.</param>
/// <param name="ActualHex">What the register holds, lowercase hex.</param>
/// <param name="ExpectedHex">What the whole log replays to, lowercase hex.</param>
/// <param name="Entries">The log's complete entries, INIT included.</param>
/// <param name="ExplainedBy">How many leading entries replay to the register's value (the latest such prefix), or -1 when none does.</param>
public sealed record BankCheck(string Register, MeasurementHash Bank, string ActualHex, string ExpectedHex, int Entries, int ExplainedBy)
{
    /// <summary>Whether the whole log explains the register.</summary>
    public bool Matches => ExplainedBy == Entries;

    /// <summary>Whether only the last entry is missing from the register: a writer stopped between its fsync and its extend, and the next record completes it.</summary>
    public bool IsPending => ExplainedBy == Entries - 1;
}
