using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// A session on a <see cref="FileEmulatedBackend"/>: every read, extend and <see cref="ExtendAll"/> is one transaction
/// on the state file that runs the same <see cref="EmulatedDevice"/> operations as <see cref="EmulatedSession"/>,
/// repeating a call that fails with EINTR within the transaction (<see cref="InterruptedCalls"/>).
/// </summary>
internal sealed class FileEmulatedSession : MeasurementSession
{
    private readonly FileEmulatedBackend _backend;
    private readonly EmulatedDevice _layout;

    /// <param name="backend">The backend whose state file holds the device.</param>
    /// <param name="layout">A device of the session's definition, for the hashes, sizes and paths only: its values are not the machine's.</param>
    public FileEmulatedSession(FileEmulatedBackend backend, EmulatedDevice layout)
        : base(layout.Definition)
    {
        _backend = backend;
        _layout = layout;
    }

    /// <inheritdoc/>
    public override string Location => _backend.ToString();

    /// <summary>For hash-choice registers, the hash chosen by <see cref="EmulatorOptions.SelectedHash"/>, which the state file records.</summary>
    public override MeasurementHash ResolveHash(RegisterDefinition register) => _layout.RegisterAt(IndexOf(register)).Hash;

    /// <inheritdoc/>
    public override string PathOf(RegisterDefinition register) => _layout.RegisterAt(IndexOf(register)).Path;

    /// <inheritdoc/>
    public override void Read(RegisterDefinition register, Span<byte> destination)
    {
        ThrowIfDisposed();
        int index = IndexOf(register);
        int size = CheckRead(register, destination);
        bool hex = Definition.Encoding == SysfsEncoding.Hex;
        byte[] content = new byte[hex ? HexRegisterText.ReadLength(size) : size];
        int length = _backend.Edit(Definition, device => Retrying(() => device.Read(device.RegisterAt(index), 0, content)));
        if (hex)
        {
            EmulatedRegister emulated = _layout.RegisterAt(index);
            HexRegisterText.Parse(content.AsSpan(0, length), destination[..size], emulated.QualifiedName, emulated.Path);
            return;
        }

        content.CopyTo(destination);
    }

    /// <inheritdoc/>
    public override void Extend(RegisterDefinition register, ReadOnlySpan<byte> data)
    {
        ThrowIfDisposed();
        int index = IndexOf(register);
        CheckExtend(register, data);
        byte[] value = data.ToArray();
        _backend.Edit(Definition, device => ExtendOne(device, index, value));
    }

    /// <summary>Extends every register in one transaction, so other processes see all of the extends or none.</summary>
    /// <inheritdoc/>
    public override void ExtendAll(IReadOnlyList<RegisterDefinition> registers, ReadOnlySpan<AgileDigest> digests)
    {
        ThrowIfDisposed();
        CheckExtendAll(registers, digests);
        int[] indexes = new int[registers.Count];
        byte[][] values = new byte[registers.Count][];
        for (int i = 0; i < indexes.Length; i++)
        {
            indexes[i] = IndexOf(registers[i]);
            values[i] = digests[i].Bytes.ToArray();
        }

        _backend.Edit(Definition, device =>
        {
            for (int i = 0; i < indexes.Length; i++)
            {
                ExtendOne(device, indexes[i], values[i]);
            }
        });
    }

    // A TPM's sysfs PCR files are read-only; its PCRs are extended with TPM2_PCR_Extend, which has no file form.
    private int ExtendOne(EmulatedDevice device, int index, byte[] value)
    {
        EmulatedRegister emulated = device.RegisterAt(index);
        return Definition.Encoding == SysfsEncoding.Hex
            ? Retrying(() =>
            {
                device.Extend(emulated, value);
                return value.Length;
            })
            : Retrying(() => device.Write(emulated, 0, value));
    }

    private static int Retrying(Func<int> call)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return call();
            }
            catch (TsmException error) when (error.Errno == LinuxErrno.EINTR && attempt < InterruptedCalls.MaxAttempts)
            {
                // Nothing happened before the interrupted lock (InterruptedCalls), so the call is repeated.
            }
        }
    }
}
