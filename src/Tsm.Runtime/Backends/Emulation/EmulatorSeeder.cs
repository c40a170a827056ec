using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// Visits a parsed report's fields and sets the emulated registers they name (<see cref="EmulatedDevice.SeedFrom"/>).
/// Report field names are the schema's register names (<c>mrtd</c>, <c>rtmr0</c>, <c>measurement</c>), so no mapping
/// table is needed; the first field of a name wins, so a TD quote's body sets the registers, not a nested QE report.
/// </summary>
internal sealed class EmulatorSeeder : IReportFieldVisitor
{
    private readonly EmulatedDevice _device;
    private readonly List<string> _seeded = [];

    public EmulatorSeeder(EmulatedDevice device) => _device = device;

    /// <summary>The registers set so far, in visiting order.</summary>
    public IReadOnlyList<string> Seeded => _seeded;

    public void Bytes(string name, ReadOnlySpan<byte> value)
    {
        if (!_seeded.Contains(name) && _device.TrySeed(name, value))
        {
            _seeded.Add(name);
        }
    }

    public void Integer(string name, ulong value)
    {
    }

    public void Text(string name, string value)
    {
    }

    public void BeginNested(string name, string typeName)
    {
    }

    public void EndNested()
    {
    }
}
