namespace Tsm.EventLog.Recording;

/// <summary>
/// The steps of one <see cref="MeasurementLog.Record(string, string, string)"/>, in order, all under the log's lock.
/// <see cref="MeasurementLogOptions.OnStep"/> is called at each, which is how the crash tests kill a writer at every one.
/// </summary>
public enum MeasurementLogStep
{
    /// <summary>The log and the register agree; nothing of the new record is written yet.</summary>
    BeforeAppend,

    /// <summary>The record is written to the file but not yet flushed to the disk.</summary>
    AfterAppend,

    /// <summary>The record is durable (fsync'ed); the register is not yet extended.</summary>
    AfterFsync,

    /// <summary>Every bank of the register is extended; the lock is not yet released.</summary>
    AfterExtend,
}
