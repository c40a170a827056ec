namespace Tsm.EventLog.Recording;

/// <summary>What opening a <see cref="MeasurementLog"/> found and did to make the log and the register agree.</summary>
public enum MeasurementRecovery
{
    /// <summary>There was no log: it was created with an INIT entry holding the register's value.</summary>
    Created,

    /// <summary>The register holds exactly what the whole log explains.</summary>
    Consistent,

    /// <summary>
    /// The last entry was durable but its extend had not happened (a writer stopped between fsync and extend); the
    /// extend was done now, so the entry counts as recorded.
    /// </summary>
    CompletedLastEntry,

    /// <summary>
    /// The file ended in a partial line without its LF (a writer stopped while appending, before the entry was durable
    /// and so before any extend); the partial line was cut off. If the register also needed the previous entry's
    /// extend, that was completed too.
    /// </summary>
    DiscardedPartialEntry,
}
