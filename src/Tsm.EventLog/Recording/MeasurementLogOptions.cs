using System;
using System.Threading;

namespace Tsm.EventLog.Recording;

/// <summary>Settings of a <see cref="MeasurementLog"/>.</summary>
public sealed class MeasurementLogOptions
{
    /// <summary>How long a record waits for another writer's lock (default 30 s; <see cref="Timeout.InfiniteTimeSpan"/> waits for ever).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest the log may grow, in bytes (default <see cref="EventLogInput.MaxLogSize"/>, the bound every reader of
    /// Tsm applies). A record that would pass it is refused before anything is written or extended: an extend cannot
    /// be undone, and an event that is in the register but not in a readable log can never be explained.
    /// </summary>
    public int MaxSize { get; init; } = EventLogInput.MaxLogSize;

    /// <summary>The format of a new log (default <see cref="MeasurementLogFormat.Aael"/>); an existing log keeps the format it has.</summary>
    public MeasurementLogFormat Format { get; init; } = MeasurementLogFormat.Aael;

    /// <summary>
    /// For an AAEL of a crypto-agile register (a TPM PCR in several banks): the bank the log's INIT entry records, sha256, sha384
    /// or sha512. <see cref="MeasurementHash.None"/> (the default) picks the first of sha384, sha256, sha512 the
    /// register has. Every bank is extended either way.
    /// </summary>
    public MeasurementHash InitBank { get; init; }

    /// <summary>Called at each step of a record, under the lock (tracing; the crash tests end the process here).</summary>
    public Action<MeasurementLogStep>? OnStep { get; init; }
}
