using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Tsm;

/// <summary>
/// One emulated device, behaving like the kernel's register files: the same file names, the same read and write
/// rules (tsm-mr and sysfs, errno for errno), <c>new = H(old || data)</c> extends, shared storage for aliases, derived
/// live values, and the reset values of the platform. Thread-safe: every file operation is atomic.
/// </summary>
public sealed class EmulatedDevice
{
    private readonly object _gate = new();
    private readonly EmulatedRegister[] _registers;
    private readonly Dictionary<string, EmulatedRegister> _byFileName = new(StringComparer.Ordinal);

    internal EmulatedDevice(DeviceDefinition definition, EmulatorOptions options)
    {
        Definition = definition;
        MeasurementHash selected = options.SelectedHash;
        _registers = new EmulatedRegister[definition.Registers.Count];

        // Storage owners first, so that aliases can share their buffers.
        for (int i = 0; i < _registers.Length; i++)
        {
            RegisterDefinition register = definition.Registers[i];
            if (register.AliasOf is null)
            {
                MeasurementHash hash = ChooseHash(register, selected);
                int size = register.HasHashChoices ? MeasurementHashInfo.DigestSize(hash) : register.Size;
                _registers[i] = Create(register, hash, InitialStorage(register, size));
            }
        }

        for (int i = 0; i < _registers.Length; i++)
        {
            RegisterDefinition register = definition.Registers[i];
            if (register.AliasOf is not null)
            {
                EmulatedRegister owner = _registers[definition.IndexOf(definition.StorageOwner(register))];
                _registers[i] = Create(register, ChooseHash(register, selected), owner.Storage);
            }
        }

        foreach (EmulatedRegister register in _registers)
        {
            _byFileName.Add(register.FileName, register);
            register.RefreshSources = register.Definition.Refresh?.Sources
                .Select(source => _registers[definition.IndexOf(definition.Find(source))])
                .ToArray();
        }

        Files = Array.AsReadOnly(_registers.Select(r => r.FileName).ToArray());
    }

    /// <summary>The emulated device's definition.</summary>
    public DeviceDefinition Definition { get; }

    /// <summary>The register files, as the kernel would name them (hash-choice names resolved), in schema order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Reads from a register file like <c>pread(2)</c>: at most <paramref name="destination"/>.Length bytes from
    /// <paramref name="offset"/>, none at or past the end. Hex-encoded devices return the kernel's text (uppercase hex and
    /// a newline). Live registers with a refresh rule are recomputed first.
    /// </summary>
    /// <returns>The number of bytes read.</returns>
    /// <exception cref="MeasurementRegisterNotFoundException">No such file (ENOENT).</exception>
    /// <exception cref="MeasurementRegisterNotReadableException">The register is not readable (EACCES).</exception>
    /// <exception cref="TsmException">A negative offset (EINVAL) or an injected fault (<see cref="FailNext"/>).</exception>
    public int ReadFile(string fileName, long offset, Span<byte> destination) => Read(File(fileName, "Reading"), offset, destination);

    /// <summary>
    /// Writes to a register file with the kernel's rules, in this order: not writable → EACCES; offset at or past
    /// the end → EFBIG; the count is clamped to the bytes left (sysfs); then tsm-mr rejects anything but exactly the
    /// register size at offset 0 → EINVAL; and the driver extends <c>new = H(old || data)</c>, or fails with EOPNOTSUPP
    /// for a NOHASH register or a hash it cannot compute. A longer write at offset 0 is therefore truncated and accepted.
    /// </summary>
    /// <returns>The number of bytes accepted: the register size.</returns>
    /// <exception cref="MeasurementRegisterNotFoundException">No such file (ENOENT).</exception>
    /// <exception cref="MeasurementRegisterNotWritableException">The register is not extendable (EACCES).</exception>
    /// <exception cref="InvalidMeasurementSizeException">A partial or offset write (EINVAL).</exception>
    /// <exception cref="TsmException">EFBIG, EOPNOTSUPP, or an injected fault (<see cref="FailNext"/>); see <see cref="TsmException.Errno"/>.</exception>
    public int WriteFile(string fileName, long offset, ReadOnlySpan<byte> data) => Write(File(fileName, "Writing"), offset, data);

    /// <summary>
    /// Sets a register's value directly, as the host or firmware does for values the guest cannot write (TDX MRTD,
    /// MRCONFIGID, ...). Aliases see the new value too.
    /// </summary>
    /// <param name="nameOrFile">A register name, <c>name:hash</c> or file name.</param>
    /// <param name="value">Exactly the register's size.</param>
    /// <exception cref="MeasurementRegisterNotFoundException">No such register.</exception>
    /// <exception cref="InvalidMeasurementSizeException"><paramref name="value"/> has the wrong size.</exception>
    /// <exception cref="InvalidOperationException">The register is derived by a refresh rule, so it has no value of its own.</exception>
    public void SetValue(string nameOrFile, ReadOnlySpan<byte> value)
    {
        ArgumentNullException.ThrowIfNull(nameOrFile);
        EmulatedRegister register = _byFileName.TryGetValue(nameOrFile, out EmulatedRegister? byFile)
            ? byFile
            : _registers[Definition.IndexOf(Definition.Find(nameOrFile))];
        if (register.RefreshSources is not null)
        {
            throw new InvalidOperationException(
                $"Register '{register.QualifiedName}' is derived from {string.Join(", ", register.Definition.Refresh!.Sources)} on every read; set those instead.");
        }

        if (value.Length != register.Size)
        {
            throw new InvalidMeasurementSizeException(
                $"Register '{register.QualifiedName}' is {register.Size} bytes, but the value has {value.Length}.",
                expectedSize: register.Size, actualSize: value.Length, registerName: register.QualifiedName, path: register.Path);
        }

        lock (_gate)
        {
            value.CopyTo(register.Storage);
        }
    }

    /// <summary>
    /// Makes the next read or write of <paramref name="fileName"/> that passes the file checks fail with
    /// <paramref name="errno"/>, as a driver call does (TDX: EBUSY, EIO, ENXIO). The register is left unchanged.
    /// A later call replaces a pending fault.
    /// </summary>
    /// <exception cref="MeasurementRegisterNotFoundException">No such file.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="errno"/> is not positive.</exception>
    public void FailNext(string fileName, int errno)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(errno);
        EmulatedRegister register = File(fileName, "Injecting a fault into");
        lock (_gate)
        {
            register.PendingErrno = errno;
        }
    }

    /// <summary>Whether <paramref name="definition"/> describes the same files as this device's definition.</summary>
    internal bool HasLayoutOf(DeviceDefinition definition) =>
        ReferenceEquals(definition, Definition)
        || (definition.Registers.Count == Definition.Registers.Count
            && definition.Registers.Zip(Definition.Registers).All(pair =>
                pair.First.FileName == pair.Second.FileName
                && pair.First.Size == pair.Second.Size
                && pair.First.Hash == pair.Second.Hash
                && pair.First.Flags == pair.Second.Flags
                && pair.First.AliasOf == pair.Second.AliasOf));

    /// <summary>The state of the register at <paramref name="index"/> in <see cref="Definition"/>.</summary>
    internal EmulatedRegister RegisterAt(int index) => _registers[index];

    internal int Read(EmulatedRegister register, long offset, Span<byte> destination)
    {
        if (!register.Definition.IsReadable)
        {
            throw Fail(register, LinuxErrno.EACCES, extending: false);
        }

        if (offset < 0)
        {
            throw Fail(register, LinuxErrno.EINVAL, extending: false);
        }

        lock (_gate)
        {
            ThrowPendingFault(register, extending: false);
            if (register.RefreshSources is not null)
            {
                Refresh(register);
            }

            if (Definition.Encoding == SysfsEncoding.Hex)
            {
                Span<byte> text = stackalloc byte[HexRegisterText.Length(register.Size)];
                HexRegisterText.Format(register.Storage, text);
                return CopyFrom(text, offset, destination);
            }

            return CopyFrom(register.Storage, offset, destination);
        }
    }

    internal int Write(EmulatedRegister register, long offset, ReadOnlySpan<byte> data)
    {
        // Hex files are the TPM's read-only PCR text (mode 0444); tsm-mr files are writable only with TSM_MR_F_WRITABLE.
        if (Definition.Encoding == SysfsEncoding.Hex || !register.Definition.IsExtendable)
        {
            throw Fail(register, LinuxErrno.EACCES, extending: true);
        }

        if (offset < 0)
        {
            throw Fail(register, LinuxErrno.EINVAL, extending: true);
        }

        if (offset >= register.Size)
        {
            throw Fail(register, LinuxErrno.EFBIG, extending: true);
        }

        int count = (int)Math.Min(data.Length, register.Size - offset);
        if (offset != 0 || count != register.Size)
        {
            throw Fail(register, LinuxErrno.EINVAL, extending: true);
        }

        Extend(register, data[..count]);
        return count;
    }

    /// <summary>
    /// Extends without the file rules: the TPM2_PCR_Extend path of hex-encoded (TPM) devices, whose sysfs files are
    /// read-only. Callers check extendability and size first.
    /// </summary>
    internal void Extend(EmulatedRegister register, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            ThrowPendingFault(register, extending: true);
            if (!register.Definition.HasHash || !MeasurementHashInfo.IsSupported(register.Hash))
            {
                throw Fail(register, LinuxErrno.EOPNOTSUPP, extending: true);
            }

            Span<byte> concatenated = stackalloc byte[2 * register.Size];
            register.Storage.CopyTo(concatenated);
            data.CopyTo(concatenated[register.Size..]);
            MeasurementHashInfo.Compute(register.Hash, concatenated, register.Storage);
        }
    }

    private static MeasurementHash ChooseHash(RegisterDefinition register, MeasurementHash selected)
    {
        if (!register.HasHashChoices)
        {
            return register.Hash;
        }

        if (selected == MeasurementHash.None)
        {
            return register.HashChoices[0];
        }

        return register.HashChoices.Contains(selected)
            ? selected
            : throw new ArgumentException(
                $"EmulatorOptions.SelectedHash is {selected}, but register '{register.QualifiedName}' can only use {string.Join(", ", register.HashChoices)}.",
                "options");
    }

    private static byte[] InitialStorage(RegisterDefinition register, int size)
    {
        byte[] storage = new byte[size];
        switch (register.Initial)
        {
            case InitialValue.Ones:
                storage.AsSpan().Fill(0xFF);
                break;
            case InitialValue.Name:
                byte[] name = Encoding.ASCII.GetBytes(register.Name);
                name.AsSpan(0, Math.Min(name.Length, size)).CopyTo(storage);
                break;
        }

        return storage;
    }

    private static int CopyFrom(ReadOnlySpan<byte> content, long offset, Span<byte> destination)
    {
        if (offset >= content.Length)
        {
            return 0;
        }

        int count = (int)Math.Min(destination.Length, content.Length - offset);
        content.Slice((int)offset, count).CopyTo(destination);
        return count;
    }

    private static TsmException Fail(EmulatedRegister register, int errno, bool extending) =>
        RegisterErrors.FromErrno(errno, extending, register.QualifiedName, register.Path, register.Size);

    private static void ThrowPendingFault(EmulatedRegister register, bool extending)
    {
        int errno = register.PendingErrno;
        if (errno != 0)
        {
            register.PendingErrno = 0;
            throw Fail(register, errno, extending);
        }
    }

    // H(source0 || source1 || ...), like the kernel sample's refresh of report_digest over the values before it.
    private static void Refresh(EmulatedRegister register)
    {
        EmulatedRegister[] sources = register.RefreshSources!;
        int length = 0;
        foreach (EmulatedRegister source in sources)
        {
            length += source.Size;
        }

        Span<byte> concatenated = length <= 1024 ? stackalloc byte[length] : new byte[length];
        int offset = 0;
        foreach (EmulatedRegister source in sources)
        {
            source.Storage.CopyTo(concatenated[offset..]);
            offset += source.Size;
        }

        MeasurementHashInfo.Compute(register.Definition.Refresh!.Hash, concatenated, register.Storage);
    }

    private EmulatedRegister Create(RegisterDefinition register, MeasurementHash hash, byte[] storage)
    {
        string fileName = RegisterDefinition.Resolve(register.FileName, hash);
        string path = $"emulator:{Definition.SysfsDirectory.TrimEnd('/')}/{fileName}";
        return new EmulatedRegister(register, hash, storage.Length, fileName, path, storage);
    }

    private EmulatedRegister File(string fileName, string action)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (_byFileName.TryGetValue(fileName, out EmulatedRegister? register))
        {
            return register;
        }

        throw new MeasurementRegisterNotFoundException(
            $"{action} '{fileName}' failed with {LinuxErrno.Describe(LinuxErrno.ENOENT)}: the emulated {Definition.DisplayName} has no such file. Files: {string.Join(", ", Files)}.",
            LinuxErrno.ENOENT,
            fileName,
            $"emulator:{Definition.SysfsDirectory.TrimEnd('/')}/{fileName}");
    }
}
