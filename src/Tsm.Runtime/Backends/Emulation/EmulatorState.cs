using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// The whole content of a <see cref="FileEmulatedBackend"/> state file: one machine, with the hash its platform chose
/// for hash-choice registers (<see cref="EmulatorOptions.SelectedHash"/>, fixed when the file is created) and one
/// device per vendor.
/// </summary>
internal sealed class EmulatorState
{
    private readonly List<EmulatedDeviceState> _devices;

    public EmulatorState(MeasurementHash selectedHash, List<EmulatedDeviceState> devices)
    {
        SelectedHash = selectedHash;
        _devices = devices;
    }

    /// <summary>The hash-choice registers' hash; <see cref="MeasurementHash.None"/> for each register's first choice.</summary>
    public MeasurementHash SelectedHash { get; }

    /// <summary>The devices, in the order they were first used.</summary>
    public IReadOnlyList<EmulatedDeviceState> Devices => _devices;

    /// <summary>The device of <paramref name="vendor"/>, or null when the machine has not used it yet.</summary>
    public EmulatedDeviceState? Find(string vendor) => _devices.Find(device => device.Vendor == vendor);

    /// <summary>Replaces the device of <paramref name="device"/>'s vendor, or adds it.</summary>
    public void Put(EmulatedDeviceState device)
    {
        int index = _devices.FindIndex(existing => existing.Vendor == device.Vendor);
        if (index < 0)
        {
            _devices.Add(device);
        }
        else
        {
            _devices[index] = device;
        }
    }

    /// <summary>A machine with no device used yet.</summary>
    public static EmulatorState Fresh(MeasurementHash selectedHash) => new(selectedHash, []);

    /// <summary>Throws unless <paramref name="selectedHash"/> is the hash recorded when the file was created.</summary>
    /// <exception cref="ArgumentException">The hashes differ.</exception>
    public void CheckSelectedHash(MeasurementHash selectedHash, string path)
    {
        if (selectedHash != SelectedHash)
        {
            throw new ArgumentException(
                $"The emulator state file '{path}' was created with EmulatorOptions.SelectedHash {Describe(SelectedHash)}, but this backend asks for {Describe(selectedHash)}; one machine has one realm hash, so use the recorded one or another state file.",
                "options");
        }
    }

    private static string Describe(MeasurementHash hash) => hash == MeasurementHash.None ? "None (each register's first choice)" : MeasurementHashInfo.KernelName(hash);
}
