using System;
using System.Collections.Generic;
using Tsm.EventLog.Replay;

namespace Tsm.EventLog.Verification;

/// <summary>
/// Verifies logs against evidence: replays the logs (in the order given, so a CCEL for RTMR0-2 and an application log
/// for RTMR3 combine) and compares every register bank the evidence states. Every covered bank is explained: the
/// events that fed it with the running value after each, and the first whose digest is not the hash of its own data.
/// Such an event fails verification even when the values match: its data is not what was measured, so nothing read
/// from it (a command line, a variable) can be trusted.
/// </summary>
public static class LogVerifier
{
    /// <summary>Verifies <paramref name="logs"/> against <paramref name="expected"/>.</summary>
    /// <param name="logs">The checked logs.</param>
    /// <param name="expected">The stated values.</param>
    /// <param name="allowPrefix">Whether a prefix match counts as verified (a log read after the evidence was taken).</param>
    /// <returns>One verdict per stated register bank.</returns>
    public static LogVerification Verify(IReadOnlyList<EventLogFile> logs, ExpectedRegisters expected, bool allowPrefix = false)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(expected);
        var state = new ReplayState();
        foreach (ExpectedRegister register in expected.Registers)
        {
            state.Expect(register.Register, register.Bank, register.Value.Span);
        }

        foreach (EventLogFile log in logs)
        {
            log.Walk(state);
        }

        RegisterValues values = state.ToValues();
        var verdicts = new List<RegisterVerdict>();
        foreach (ExpectedRegister register in expected.Registers)
        {
            RegisterValue? replayed = values.Find(register.Register, register.Bank);
            if (replayed is null)
            {
                verdicts.Add(new RegisterVerdict(register, VerdictKind.NotCovered, null, 0, 0, []));
                continue;
            }

            int matchedAfter = state.MatchedAfter(register.Register, register.Bank) ?? -1;
            // A "prefix" of no events only says the register was never extended, which explains nothing the log holds.
            VerdictKind kind = matchedAfter == replayed.EventCount ? VerdictKind.Match : matchedAfter > 0 ? VerdictKind.PrefixMatch : VerdictKind.Mismatch;
            IReadOnlyList<ExplainedEvent> events = Explain(logs, register);
            verdicts.Add(new RegisterVerdict(register, kind, replayed.Value, replayed.EventCount, kind == VerdictKind.PrefixMatch ? matchedAfter : 0, events));
        }

        return new LogVerification(verdicts, allowPrefix);
    }

    /// <summary>Every event that fed the register bank, with running values and the data-digest check.</summary>
    public static IReadOnlyList<ExplainedEvent> Explain(IReadOnlyList<EventLogFile> logs, ExpectedRegister register)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(register);
        var state = new ReplayState();
        var observer = new ExplainObserver(state, register.Register, register.Bank);
        state.Observer = observer;
        for (int i = 0; i < logs.Count; i++)
        {
            observer.Log = logs[i].Source ?? $"log {i + 1}";
            logs[i].Walk(state);
        }

        return observer.Events;
    }
}
