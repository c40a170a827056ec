using System;

namespace Tsm;

/// <summary>
/// A session on an <see cref="EmulatedDevice"/>. Typed reads and extends go through the same file operations as
/// <see cref="EmulatedDevice.ReadFile"/> and <see cref="EmulatedDevice.WriteFile"/>, so the typed API and the file ABI cannot
/// drift apart. Like the sysfs backend, a call that fails with EINTR is repeated (<see cref="InterruptedCalls"/>).
/// Reads and extends do not allocate.
/// </summary>
internal sealed class EmulatedSession : MeasurementSession
{
    private readonly EmulatedDevice _device;

    public EmulatedSession(EmulatedDevice device, DeviceDefinition definition)
        : base(definition) => _device = device;

    /// <inheritdoc/>
    public override string Location => "emulator";

    /// <summary>For hash-choice registers, the hash chosen by <see cref="EmulatorOptions.SelectedHash"/>.</summary>
    public override MeasurementHash ResolveHash(RegisterDefinition register) => Emulated(register).Hash;

    /// <inheritdoc/>
    public override string PathOf(RegisterDefinition register) => Emulated(register).Path;

    /// <inheritdoc/>
    public override void Read(RegisterDefinition register, Span<byte> destination)
    {
        ThrowIfDisposed();
        EmulatedRegister emulated = Emulated(register);
        int size = CheckRead(register, destination);
        if (Definition.Encoding == SysfsEncoding.Hex)
        {
            Span<byte> text = stackalloc byte[HexRegisterText.ReadLength(size)];
            int length = ReadRetrying(emulated, text);
            HexRegisterText.Parse(text[..length], destination[..size], emulated.QualifiedName, emulated.Path);
            return;
        }

        ReadRetrying(emulated, destination[..size]);
    }

    /// <inheritdoc/>
    public override void Extend(RegisterDefinition register, ReadOnlySpan<byte> data)
    {
        ThrowIfDisposed();
        EmulatedRegister emulated = Emulated(register);
        CheckExtend(register, data);

        // A TPM's sysfs PCR files are read-only; its PCRs are extended with TPM2_PCR_Extend, which has no file form.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                if (Definition.Encoding == SysfsEncoding.Hex)
                {
                    _device.Extend(emulated, data);
                }
                else
                {
                    _device.Write(emulated, 0, data);
                }

                return;
            }
            catch (TsmException error) when (error.Errno == LinuxErrno.EINTR && attempt < InterruptedCalls.MaxAttempts)
            {
                // Nothing happened before the interrupted lock (InterruptedCalls), so the call is repeated.
            }
        }
    }

    private int ReadRetrying(EmulatedRegister emulated, Span<byte> destination)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return _device.Read(emulated, 0, destination);
            }
            catch (TsmException error) when (error.Errno == LinuxErrno.EINTR && attempt < InterruptedCalls.MaxAttempts)
            {
                // Nothing happened before the interrupted lock (InterruptedCalls), so the call is repeated.
            }
        }
    }

    private EmulatedRegister Emulated(RegisterDefinition register) => _device.RegisterAt(IndexOf(register));
}
