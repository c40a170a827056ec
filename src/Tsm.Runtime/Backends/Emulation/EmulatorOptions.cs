namespace Tsm;

/// <summary>Settings of an <see cref="EmulatedBackend"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>
    /// The hash the emulated platform chose for hash-choice registers (an Arm CCA realm's measurement algorithm).
    /// It must be one of each such register's choices; <see cref="MeasurementHash.None"/> (the default) picks the first choice.
    /// </summary>
    public MeasurementHash SelectedHash { get; init; }

    /// <summary>
    /// Emulates a caller that is not root: extendable tsm-mr files are root-owned with mode 0644, so opening one for
    /// writing fails with EACCES before any write rule applies; reads still work (every readable file is world-readable).
    /// </summary>
    public bool Unprivileged { get; init; }
}
