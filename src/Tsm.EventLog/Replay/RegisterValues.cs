using System.Collections;
using System.Collections.Generic;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Replay;

/// <summary>The result of a replay: every register bank the logs extended, ordered by register then bank.</summary>
public sealed class RegisterValues : IReadOnlyList<RegisterValue>
{
    private readonly List<RegisterValue> _values;

    internal RegisterValues(List<RegisterValue> values, IReadOnlyList<MeasurementHash> skippedBanks)
    {
        _values = values;
        SkippedBanks = skippedBanks;
    }

    /// <summary>Banks the logs carry that cannot be computed on this platform (SM3, SHA-3 without OS support); they are not replayed.</summary>
    public IReadOnlyList<MeasurementHash> SkippedBanks { get; }

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <inheritdoc />
    public RegisterValue this[int index] => _values[index];

    /// <summary>The value of <paramref name="register"/> in <paramref name="bank"/>, or <see langword="null"/> when no event extended it.</summary>
    public RegisterValue? Find(RegisterId register, MeasurementHash bank) =>
        _values.Find(value => value.Register == register && value.Bank == bank);

    /// <summary>The value of the register named <paramref name="name"/> (schema name) in <paramref name="bank"/>.</summary>
    public RegisterValue? Find(string name, MeasurementHash bank) =>
        RegisterId.TryParse(name, out RegisterId register) ? Find(register, bank) : null;

    /// <inheritdoc />
    public IEnumerator<RegisterValue> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
