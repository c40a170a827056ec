using System;
using System.Collections.Generic;
using System.Linq;
using Tsm.EventLog;
using Tsm.EventLog.Verification;

namespace Tsm.Cli.Output;

/// <summary>Names the log output shares between table and JSON.</summary>
internal static class LogNames
{
    /// <summary>The formats of the logs in order, distinct, joined with '+' (<c>ccel+aael</c>).</summary>
    public static string Formats(IEnumerable<EventLogFile> logs) => string.Join('+', logs.Select(log => log.Format.Name()).Distinct());

    public static string Bank(MeasurementHash bank) => MeasurementHashInfo.KernelName(bank);

    public static string Verdict(VerdictKind kind) => kind switch
    {
        VerdictKind.Match => "match",
        VerdictKind.Mismatch => "mismatch",
        VerdictKind.NotCovered => "not-covered",
        VerdictKind.PrefixMatch => "prefix-match",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a verdict"),
    };
}
