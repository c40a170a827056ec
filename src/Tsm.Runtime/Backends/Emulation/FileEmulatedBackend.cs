using System;

namespace Tsm;

/// <summary>
/// The kernel-exact emulator of <see cref="EmulatedBackend"/> with its state in a file, so that several processes (and
/// several backends in one process) share one emulated machine: the same file rules, errnos, group cache, aliases,
/// hash choice and TPM text, because every operation runs on an <see cref="EmulatedDevice"/>. Each read, extend,
/// <see cref="MeasurementSession.ExtendAll"/> and <see cref="Edit{TResult}"/> is one transaction under an
/// <c>flock(2)</c> lock on <c>&lt;stateFile&gt;.lock</c> that loads the file and, when the state changed, replaces it
/// atomically, so a process killed at any instant leaves the old or the new state. Several vendors share one file, as
/// devices share one machine. <see cref="EmulatorOptions.SelectedHash"/> is the machine's and is recorded when the
/// file is created; <see cref="EmulatorOptions.Unprivileged"/> is the caller's and is not.
/// </summary>
public sealed class FileEmulatedBackend : TsmBackend
{
    private readonly EmulatorStateFile _file;

    /// <summary>Creates a backend on <paramref name="stateFile"/>; the file is created with reset registers when a device is first opened.</summary>
    /// <param name="stateFile">The state file. Its directory must exist; <c>.lock</c> and <c>.tmp</c> files are made beside it.</param>
    /// <param name="options">The emulator's settings; null for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="stateFile"/> is empty.</exception>
    public FileEmulatedBackend(string stateFile, EmulatorOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateFile);
        Options = options ?? new EmulatorOptions();
        _file = new EmulatorStateFile(stateFile, Options.SelectedHash);
    }

    /// <summary>The state file's full path.</summary>
    public string StateFile => _file.Path;

    /// <summary>The emulator's settings.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>
    /// Opens <paramref name="definition"/>'s device, adding it to the state file with reset values when the machine has
    /// not used that vendor yet.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <see cref="EmulatorOptions.SelectedHash"/> is not a choice of a hash-choice register, or differs from the one the
    /// state file was created with.
    /// </exception>
    /// <exception cref="EmulatorStateException">
    /// The state file is unusable (corrupted, truncated, another version, too large, unreadable), or holds the vendor
    /// with a different register layout.
    /// </exception>
    public override MeasurementSession Open(DeviceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        EmulatedDevice layout = new(definition, Options);
        Edit(definition, static _ => true);
        return new FileEmulatedSession(this, layout);
    }

    /// <summary>
    /// Runs <paramref name="edit"/> on <paramref name="definition"/>'s device as one transaction, for seeding, fault
    /// injection and the file ABI (<see cref="EmulatedDevice.SetValue"/>, <see cref="EmulatedDevice.FailNext"/>,
    /// <see cref="EmulatedDevice.WriteFile"/>, ...). What the callback changes is saved when it returns or throws. The
    /// device is valid only during the call, and the callback must not use a session or backend on the same file (it
    /// holds the file's lock).
    /// </summary>
    /// <returns>What <paramref name="edit"/> returned.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Open"/>.</exception>
    /// <exception cref="EmulatorStateException">As for <see cref="Open"/>.</exception>
    /// <exception cref="InvalidOperationException">Called from inside another transaction on the same file.</exception>
    public TResult Edit<TResult>(DeviceDefinition definition, Func<EmulatedDevice, TResult> edit)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(edit);
        return _file.Transact(state =>
        {
            EmulatedDevice device = new(definition, Options);
            EmulatedDeviceState? saved = state.Find(definition.Vendor);
            if (saved is not null)
            {
                CheckLayout(saved, device.Export(), definition);
                device.Import(saved);
            }

            try
            {
                return edit(device);
            }
            finally
            {
                state.Put(device.Export());
            }
        });
    }

    /// <summary>Runs <paramref name="edit"/> on <paramref name="definition"/>'s device as one transaction; see <see cref="Edit{TResult}"/>.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Open"/>.</exception>
    /// <exception cref="EmulatorStateException">As for <see cref="Open"/>.</exception>
    public void Edit(DeviceDefinition definition, Action<EmulatedDevice> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        Edit(definition, device =>
        {
            edit(device);
            return true;
        });
    }

    /// <inheritdoc/>
    public override string ToString() => $"emulator:{StateFile}";

    // The saved device must have the files, storage and sizes a fresh device of this definition has, and faults only
    // where FailNext can put them.
    private void CheckLayout(EmulatedDeviceState saved, EmulatedDeviceState fresh, DeviceDefinition definition)
    {
        string vendor = fresh.Vendor;
        if (saved.Registers.Count != fresh.Registers.Count)
        {
            throw new EmulatorStateException(
                StateFile,
                saved.Offset,
                $"vendor '{vendor}' has {saved.Registers.Count} registers, but its definition has {fresh.Registers.Count}; a different register layout needs another state file");
        }

        for (int i = 0; i < fresh.Registers.Count; i++)
        {
            EmulatedRegisterState have = saved.Registers[i];
            EmulatedRegisterState want = fresh.Registers[i];
            string? problem = have.File != want.File ? $"is '{have.File}', but the definition's register {i} is '{want.File}'"
                : (have.Platform is null) != (want.Platform is null) ? (want.Platform is null ? "is an alias, so it has no value of its own" : "needs its \"platform\" value")
                : (have.Cache is null) != (want.Cache is null) ? (want.Cache is null ? "has no cached copy on this device (a TPM's read asks the TPM)" : "needs its \"cache\" value")
                : want.Platform is not null && have.Size != want.Size ? $"has {have.Size}-byte values, but the register is {want.Size} bytes"
                : have.PendingWriteErrno != 0 && !definition.Registers[i].IsExtendable ? "has a pending write fault, but no write of it reaches the driver"
                : null;
            if (problem is not null)
            {
                throw new EmulatorStateException(StateFile, have.Offset, $"register {i} of vendor '{vendor}' {problem}");
            }
        }
    }
}
