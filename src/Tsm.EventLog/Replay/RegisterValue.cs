using System;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Replay;

/// <summary>One register bank's value after replay.</summary>
public sealed class RegisterValue
{
    internal RegisterValue(RegisterId register, MeasurementHash bank, byte[] value, int eventCount)
    {
        Register = register;
        Bank = bank;
        Value = value;
        EventCount = eventCount;
    }

    /// <summary>The register.</summary>
    public RegisterId Register { get; }

    /// <summary>The register's schema name (<c>pcr7</c>, <c>rtmr1</c>).</summary>
    public string Name => Register.Name;

    /// <summary>The bank.</summary>
    public MeasurementHash Bank { get; }

    /// <summary>The replayed value.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>How many events were extended into this bank.</summary>
    public int EventCount { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}:{MeasurementHashInfo.KernelName(Bank)} = {LowerHex.Of(Value.Span)}";
}
