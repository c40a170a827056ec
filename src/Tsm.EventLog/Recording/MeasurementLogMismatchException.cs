using System;

namespace Tsm.EventLog.Recording;

/// <summary>
/// The register holds a value that no prefix of the log explains: something extended it behind the log's back (or the
/// log belongs to another register). Nothing was written or extended. The message gives both values.
/// </summary>
public sealed class MeasurementLogMismatchException : MeasurementLogException
{
    /// <summary>Creates the exception.</summary>
    public MeasurementLogMismatchException(string logPath, string register, MeasurementHash bank, string actualHex, string expectedHex, int entries)
        : base(logPath, $"{logPath}: {register} holds {actualHex}, but the log's {entries} entries replay to {expectedHex} ({MeasurementHashInfo.KernelName(bank)} bank), and no prefix of the log explains the register: it was extended behind the log's back. Nothing was recorded.")
    {
        Register = register;
        Bank = bank;
        ActualHex = actualHex;
        ExpectedHex = expectedHex;
        Entries = entries;
    }

    /// <summary>The register's qualified name (<c>rtmr3:sha384</c>).</summary>
    public string Register { get; }

    /// <summary>The bank that disagrees.</summary>
    public MeasurementHash Bank { get; }

    /// <summary>The register's value, lowercase hex.</summary>
    public string ActualHex { get; }

    /// <summary>The value the whole log replays to, lowercase hex.</summary>
    public string ExpectedHex { get; }

    /// <summary>The number of entries in the log, INIT included.</summary>
    public int Entries { get; }
}
