using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// An in-process emulator of the kernel's register files. It keeps one <see cref="EmulatedDevice"/> per vendor, so
/// every session opened on the same backend sees the same registers, as processes on one machine do.
/// </summary>
public sealed class EmulatedBackend : TsmBackend
{
    private readonly object _gate = new();
    private readonly Dictionary<string, EmulatedDevice> _devices = new(StringComparer.Ordinal);

    /// <summary>Creates an emulator with fresh (reset) registers.</summary>
    public EmulatedBackend(EmulatorOptions? options = null) => Options = options ?? new EmulatorOptions();

    /// <summary>The emulator's settings.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The emulated device for <paramref name="definition"/>'s vendor, created with reset values on first use.</summary>
    /// <exception cref="ArgumentException">
    /// <see cref="EmulatorOptions.SelectedHash"/> is not a choice of a hash-choice register, or the vendor is already
    /// emulated with a different register layout.
    /// </exception>
    public EmulatedDevice Device(DeviceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            if (!_devices.TryGetValue(definition.Vendor, out EmulatedDevice? device))
            {
                device = new EmulatedDevice(definition, Options);
                _devices.Add(definition.Vendor, device);
            }
            else if (!device.HasLayoutOf(definition))
            {
                throw new ArgumentException(
                    $"This emulator already holds vendor '{definition.Vendor}' with a different register layout; use a separate EmulatedBackend for the other definition.",
                    nameof(definition));
            }

            return device;
        }
    }

    /// <inheritdoc/>
    public override MeasurementSession Open(DeviceDefinition definition) => new EmulatedSession(Device(definition), definition);
}
