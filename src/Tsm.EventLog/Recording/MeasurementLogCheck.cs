using System.Collections.Generic;
using System.Linq;

namespace Tsm.EventLog.Recording;

/// <summary>A measurement log checked against its live register (<see cref="MeasurementLog.Check"/>).</summary>
/// <param name="LogPath">The log file.</param>
/// <param name="RegisterName">The register's schema name (<c>rtmr3</c>, <c>pcr23</c>, <c>rem3</c>).</param>
/// <param name="Format">The log's format.</param>
/// <param name="Banks">Every bank, in the register's order.</param>
/// <param name="Entries">The log's complete entries.</param>
/// <param name="Baseline">Every bank's recorded start against its reset value or the firmware log's.</param>
/// <param name="PartialEntryOffset">Where an unfinished last entry (a writer stopped while appending) starts, or -1.</param>
public sealed record MeasurementLogCheck(string LogPath, string RegisterName, MeasurementLogFormat Format, IReadOnlyList<BankCheck> Banks, IReadOnlyList<LoggedEntry> Entries, IReadOnlyList<BaselineCheck> Baseline, long PartialEntryOffset)
{
    /// <summary>
    /// Whether every bank holds exactly what the whole log replays to, and, when a firmware log was given, every
    /// recorded start is what that log explains.
    /// </summary>
    public bool IsVerified => Banks.All(bank => bank.Matches) && Baseline.All(start => start.Matches || !start.IsFirmwareChecked);
}
