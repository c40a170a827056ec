using System;
using System.Collections.Generic;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Replay;

/// <summary>
/// Replay: the value each register bank has after the logs' events, <c>value = H_bank(value ‖ digest)</c> from the
/// register's initial value (zeros; 0xFF… for PCR 17-22; 0…0&lt;locality&gt; for PCR0 after a StartupLocality event;
/// an AAEL's INIT value). EV_NO_ACTION events and MRTD events are not extended. Several logs replay into one set of
/// registers in the order given (e.g. a CCEL for RTMR0-2, then an application log for RTMR3).
/// </summary>
public static class LogReplay
{
    /// <summary>Replays <paramref name="logs"/> in order.</summary>
    /// <param name="logs">The logs; each is already checked.</param>
    /// <returns>Every register bank an event reached.</returns>
    public static RegisterValues Replay(IReadOnlyList<EventLogFile> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var state = new ReplayState();
        foreach (EventLogFile log in logs)
        {
            log.Walk(state);
        }

        return state.ToValues();
    }

    /// <summary>
    /// Reference values: what the registers will hold after <paramref name="measurements"/>, computed by the same code as
    /// replay, so that a verifier can state expected values from a list of components before any log exists.
    /// </summary>
    /// <param name="measurements">The digests to extend, in order.</param>
    /// <returns>Every register bank a measurement reached.</returns>
    /// <exception cref="ArgumentException">A measurement names MRTD, an NV index, or an index out of range.</exception>
    public static RegisterValues ReferenceValues(IEnumerable<ReferenceMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var state = new ReplayState();
        int number = 0;
        foreach (ReferenceMeasurement measurement in measurements)
        {
            if (!RegisterIndexes.IsExtendable(measurement.Register))
            {
                throw new ArgumentException($"{measurement.Register.Name} is not a register events are extended into (pcr0..pcr23, rtmr0..rtmr3).", nameof(measurements));
            }

            state.Event(new MeasuredEvent(number++, 0, measurement.Register, extends: true, "reference", default, DigestRule.None));
            state.Digest(measurement.Digest.Algorithm, measurement.Digest.Bytes);
        }

        return state.ToValues();
    }
}
