using System;
using System.Collections.Generic;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Replay;

/// <summary>
/// The running registers of a replay: <c>value = H(value ‖ digest)</c> per register and bank, from the register's
/// initial value. One slot per register bank is allocated the first time an event reaches it; extending allocates nothing.
/// Slots are found by array index (register kind, index, bank): a dictionary lookup per digest cost more than a SHA-1.
/// With expected values set, each slot also remembers the last event count after which it held the expected value,
/// which is how a prefix match is found without a second pass.
/// </summary>
internal sealed class ReplayState : IEventSink
{
    /// <summary>The bank dimension of <see cref="_slots"/>: every <see cref="MeasurementHash"/> value.</summary>
    private const int Banks = (int)MeasurementHash.Sha3_512 + 1;

    /// <summary>PCR 0..23 and RTMR 0..3 × every bank: the only registers an event is extended into.</summary>
    private readonly Slot?[] _slots = new Slot?[2 * RegisterIndexes.PcrCount * Banks];
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
        if (_slots[SlotIndex(register, bank)] is null)
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
        IsReplayable(register) && _slots[SlotIndex(register, bank)] is { Events: > 0 } slot ? slot.MatchedAfter : null;

    public RegisterValues ToValues()
    {
        // The slot order is PCRs then RTMRs, by index, then by bank: already the order results are listed in.
        var values = new List<RegisterValue>();
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] is { Events: > 0 } slot)
            {
                int register = i / Banks;
                RegisterId id = register < RegisterIndexes.PcrCount ? RegisterId.Pcr(register) : RegisterId.Rtmr(register - RegisterIndexes.PcrCount);
                values.Add(new RegisterValue(id, (MeasurementHash)(i % Banks), (byte[])slot.Value.Clone(), slot.Events));
            }
        }

        return new RegisterValues(values, _skipped.ToArray());
    }

    private Slot SlotFor(RegisterId register, MeasurementHash bank)
    {
        Slot? slot = _slots[SlotIndex(register, bank)];
        if (slot is null)
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

        _slots[SlotIndex(register, bank)] = slot;
        return slot;
    }

    private static bool IsReplayable(RegisterId register) => register.Kind is RegisterKind.Pcr or RegisterKind.Rtmr;

    /// <summary>The slot of a PCR or RTMR bank; events reach no other register (MRTD and NV indexes are never extended).</summary>
    private static int SlotIndex(RegisterId register, MeasurementHash bank) =>
        ((((register.Kind == RegisterKind.Rtmr ? RegisterIndexes.PcrCount : 0) + register.Index) * Banks) + (int)bank);

    private sealed class Slot(byte[] value)
    {
        public byte[] Value { get; } = value;

        public int Events { get; set; }

        public byte[]? Expected { get; set; }

        public int MatchedAfter { get; set; } = -1;
    }
}
