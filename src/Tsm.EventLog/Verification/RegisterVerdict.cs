using System;
using System.Collections.Generic;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Verification;

/// <summary>The verdict on one stated register bank, with the events that fed it when it did not match.</summary>
public sealed class RegisterVerdict
{
    internal RegisterVerdict(ExpectedRegister expected, VerdictKind kind, ReadOnlyMemory<byte>? replayed, int eventCount, int prefixEvents, IReadOnlyList<ExplainedEvent> events)
    {
        Expected = expected;
        Kind = kind;
        Replayed = replayed;
        EventCount = eventCount;
        PrefixEvents = prefixEvents;
        Events = events;
    }

    /// <summary>The register.</summary>
    public RegisterId Register => Expected.Register;

    /// <summary>The bank.</summary>
    public MeasurementHash Bank => Expected.Bank;

    /// <summary>The stated value.</summary>
    public ExpectedRegister Expected { get; }

    /// <summary>The verdict.</summary>
    public VerdictKind Kind { get; }

    /// <summary>The value the whole replay gives; <see langword="null"/> when no event reached the register.</summary>
    public ReadOnlyMemory<byte>? Replayed { get; }

    /// <summary>How many events fed the register.</summary>
    public int EventCount { get; }

    /// <summary>For <see cref="VerdictKind.PrefixMatch"/>: how many of the register's first events reproduce the stated value.</summary>
    public int PrefixEvents { get; }

    /// <summary>Every event that fed the register, in order, with the running value after each; empty when not covered.</summary>
    public IReadOnlyList<ExplainedEvent> Events { get; }

    /// <summary>Whether the register's value is verified: a match (or, when allowed, a prefix match) and every event's data agrees with its digest.</summary>
    public bool IsVerified(bool allowPrefix) => Kind == VerdictKind.NotCovered
        || ((Kind == VerdictKind.Match || (allowPrefix && Kind == VerdictKind.PrefixMatch)) && FirstDisagreement is null);

    /// <summary>The first event whose digest is not the hash of its own data (where its type defines that), or <see langword="null"/>.</summary>
    public ExplainedEvent? FirstDisagreement
    {
        get
        {
            foreach (ExplainedEvent e in Events)
            {
                if (e.DataDigestAgrees == false)
                {
                    return e;
                }
            }

            return null;
        }
    }
}
