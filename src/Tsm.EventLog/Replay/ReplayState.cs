using System;
using System.Collections.Generic;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Replay;

/// <summary>
/// The running registers of a replay: <c>value = H(value ‖ digest)</c> per register and bank, from the register's
/// initial value. One slot per register bank is allocated the first time an event reaches it; extending allocates nothing.
/// With expected values set, each slot also remembers the last event count after which it held the expected value,
/// which is how a prefix match is found without a second pass.
/// </summary>
internal sealed class ReplayState : IEventSink
{
    private readonly Dictionary<(RegisterId, MeasurementHash), Slot> _slots = [];
    private readonly Dictionary<(RegisterId, MeasurementHash), byte[]> _expected = [];
    private readonly List<MeasurementHash> _skipped = [];
    private RegisterId _register;
    private bool _extends;

    /// <summary>Creates a state; <paramref name="checkOnly"/> walks without hashing (reading a log checks its registers).</summary>
    public ReplayState(bool checkOnly = false) => CheckOnly = checkOnly;

    /// <summary>Whether digests are only received, not extended.</summary>
    public bool CheckOnly { get; }

    /// <summary>Sees every event and digest after the state has taken it in (explanations read <see cref="Current"/>).</summary>
    public IEventSink? Observer { get; set; }

    /// <summary>The StartupLocality of the log being walked, which sets PCR0's initial value.</summary>
    public byte StartupLocality { get; set; }

    /// <summary>Sets the value a register bank starts from, if no event reached it yet (an AAEL's INIT value).</summary>
    public void SetInitialValue(RegisterId register, MeasurementHash bank, ReadOnlySpan<byte> value)
    {
        if (!_slots.ContainsKey((register, bank)))
        {
            Add(register, bank, value.ToArray());
        }
    }

    /// <summary>Makes the bank track the last event count after which it equalled <paramref name="expected"/>.</summary>
    /// <remarks>
    /// Only remembered here: the slot, and with it the initial value, is made when the first event reaches the bank,
    /// after the log has set what the initial value depends on (its StartupLocality, an AAEL's INIT value).
    /// </remarks>
    public void Expect(RegisterId register, MeasurementHash bank, ReadOnlySpan<byte> expected) => _expected[(register, bank)] = expected.ToArray();

    public void Event(in MeasuredEvent e)
    {
        _register = e.Register;
        _extends = e.Extends;
        Observer?.Event(e);
    }

    /// <summary>The running value of a register bank (its initial value before any event).</summary>
    public ReadOnlySpan<byte> Current(RegisterId register, MeasurementHash bank) => SlotFor(register, bank).Value;

    public void Digest(MeasurementHash bank, ReadOnlySpan<byte> digest)
    {
        if (!_extends || CheckOnly)
        {
            Observer?.Digest(bank, digest);
            return;
        }

        if (!MeasurementHashInfo.IsSupported(bank))
        {
            if (!_skipped.Contains(bank))
            {
                _skipped.Add(bank);
            }

            Observer?.Digest(bank, digest);
            return;
        }

        Slot slot = SlotFor(_register, bank);
        int size = slot.Value.Length;
        Span<byte> input = stackalloc byte[2 * 64];
        slot.Value.CopyTo(input);
        digest.CopyTo(input[size..]);
        MeasurementHashInfo.Compute(bank, input[..(size + digest.Length)], slot.Value);
        slot.Events++;
        if (slot.Expected is not null && slot.Value.AsSpan().SequenceEqual(slot.Expected))
        {
            slot.MatchedAfter = slot.Events;
        }

        Observer?.Digest(bank, digest);
    }

    /// <summary>The last event count after which the bank held its expected value; -1 if never; null if the bank was never reached.</summary>
    public int? MatchedAfter(RegisterId register, MeasurementHash bank) =>
        _slots.TryGetValue((register, bank), out Slot? slot) && slot.Events > 0 ? slot.MatchedAfter : null;

    public RegisterValues ToValues()
    {
        var values = new List<RegisterValue>();
        foreach (KeyValuePair<(RegisterId Register, MeasurementHash Bank), Slot> pair in _slots)
        {
            if (pair.Value.Events > 0)
            {
                values.Add(new RegisterValue(pair.Key.Register, pair.Key.Bank, (byte[])pair.Value.Value.Clone(), pair.Value.Events));
            }
        }

        values.Sort((a, b) => a.Register != b.Register ? a.Register.CompareTo(b.Register) : a.Bank.CompareTo(b.Bank));
        return new RegisterValues(values, _skipped.ToArray());
    }

    private Slot SlotFor(RegisterId register, MeasurementHash bank)
    {
        if (!_slots.TryGetValue((register, bank), out Slot? slot))
        {
            byte[] initial = new byte[MeasurementHashInfo.DigestSize(bank)];
            RegisterIndexes.InitialValue(register, StartupLocality, initial);
            slot = Add(register, bank, initial);
        }

        return slot;
    }

    private Slot Add(RegisterId register, MeasurementHash bank, byte[] initial)
    {
        var slot = new Slot(initial);
        if (_expected.TryGetValue((register, bank), out byte[]? expected))
        {
            slot.Expected = expected;
            slot.MatchedAfter = initial.AsSpan().SequenceEqual(expected) ? 0 : -1;
        }

        _slots[(register, bank)] = slot;
        return slot;
    }

    private sealed class Slot(byte[] value)
    {
        public byte[] Value { get; } = value;

        public int Events { get; set; }

        public byte[]? Expected { get; set; }

        public int MatchedAfter { get; set; } = -1;
    }
}
