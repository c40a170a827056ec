using System;
using System.Collections.Generic;
using System.Linq;

namespace Tsm;

/// <summary>
/// One emulated device, behaving like the kernel's register files: the same file names, the same read and write
/// rules (tsm-mr and sysfs, errno for errno), <c>new = H(old || data)</c> extends, shared storage for aliases, derived
/// live values, the reset values of the platform, and tsm-mr's group cache: reads return the kernel's cached copy,
/// which is refreshed from the platform only when a live register is read after a successful write
/// (<c>drivers/virt/coco/guest/tsm-mr.c</c> <c>tm_digest_read</c>/<c>tm_digest_write</c>). Thread-safe: every file
/// operation is atomic.
/// </summary>
public sealed class EmulatedDevice
{
    private readonly object _gate = new();
    private readonly bool _unprivileged;
    private readonly EmulatedRegister[] _registers;
    private readonly Dictionary<string, EmulatedRegister> _byFileName = new(StringComparer.Ordinal);

    internal EmulatedDevice(DeviceDefinition definition, EmulatorOptions options)
    {
        Definition = definition;
        _unprivileged = options.Unprivileged;
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
                byte[] platform = register.ResetValue(size);

                // A TPM's sysfs read issues TPM2_PCR_Read every time (drivers/char/tpm/tpm-sysfs.c), so it has no cache.
                byte[] cache = definition.Encoding == SysfsEncoding.Hex ? platform : (byte[])platform.Clone();
                _registers[i] = Create(register, hash, platform, cache);
            }
        }

        for (int i = 0; i < _registers.Length; i++)
        {
            RegisterDefinition register = definition.Registers[i];
            if (register.AliasOf is not null)
            {
                EmulatedRegister owner = _registers[definition.IndexOf(definition.StorageOwner(register))];
                _registers[i] = Create(register, ChooseHash(register, selected), owner.Platform, owner.Cache);
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
        HasLiveRegisters = _registers.Any(r => r.Definition.IsLive);
    }

    /// <summary>The emulated device's definition.</summary>
    public DeviceDefinition Definition { get; }

    /// <summary>The register files, as the kernel would name them (hash-choice names resolved), in schema order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Whether the kernel's cached copy matches the platform: tsm-mr's group-wide <c>in_sync</c> flag. False at start
    /// (the context is zero-allocated), false again after every successful write, true after a successful refresh.
    /// </summary>
    public bool IsCacheInSync { get; private set; }

    private bool HasLiveRegisters { get; }

    private int PendingRefreshErrno { get; set; }

    /// <summary>
    /// Reads from a register file like <c>pread(2)</c>: at most <paramref name="destination"/>.Length bytes from
    /// <paramref name="offset"/>, none at or past the end. Hex-encoded devices return the kernel's text (uppercase hex and
    /// a newline). Reading a live register while the group cache is stale first refreshes the whole group (every cached
    /// value from the platform, derived values recomputed); an empty read or a read at the end never gets that far
    /// (sysfs returns 0 first), and non-live registers are never refreshed.
    /// </summary>
    /// <returns>The number of bytes read.</returns>
    /// <exception cref="MeasurementRegisterNotFoundException">No such file (ENOENT).</exception>
    /// <exception cref="MeasurementRegisterNotReadableException">The register is not readable (EACCES).</exception>
    /// <exception cref="TsmException">A negative offset (EINVAL) or an injected refresh failure (<see cref="FailNextRefresh"/>).</exception>
    public int ReadFile(string fileName, long offset, Span<byte> destination) => Read(File(fileName, "Reading"), offset, destination);

    /// <summary>
    /// Writes to a register file with the kernel's rules, in this order: no write permission (not extendable, or an
    /// <see cref="EmulatorOptions.Unprivileged"/> caller) → EACCES at open; offset at or past the end → EFBIG; the count
    /// is clamped to the bytes left and an empty write returns 0 without reaching tsm-mr (<c>fs/sysfs/file.c</c>
    /// <c>sysfs_kf_bin_write</c>); then tsm-mr rejects anything but exactly the register size at offset 0 → EINVAL; and
    /// the driver extends <c>new = H(old || data)</c>, or fails with EOPNOTSUPP for a NOHASH register or a hash it cannot
    /// compute. A longer write at offset 0 is therefore truncated and accepted. A successful write marks the group cache
    /// stale; a live register shows the new value at its next read, a non-live one at once.
    /// </summary>
    /// <returns>The number of bytes accepted: the register size, or 0 for an empty write.</returns>
    /// <exception cref="MeasurementRegisterNotFoundException">No such file (ENOENT).</exception>
    /// <exception cref="MeasurementRegisterNotWritableException">The register is not extendable, or the caller is unprivileged (EACCES).</exception>
    /// <exception cref="InvalidMeasurementSizeException">A partial or offset write (EINVAL).</exception>
    /// <exception cref="TsmException">EFBIG, EOPNOTSUPP, or an injected driver failure (<see cref="FailNext"/>); see <see cref="TsmException.Errno"/>.</exception>
    public int WriteFile(string fileName, long offset, ReadOnlySpan<byte> data) => Write(File(fileName, "Writing"), offset, data);

    /// <summary>
    /// Sets a register's value as the host or firmware does before the guest looks (TDX MRTD, MRCONFIGID, ...): the
    /// platform's value and the kernel's cached copy both, so every read shows it at once. Aliases see it too, and the
    /// group cache is marked stale so derived values (the kernel sample's <c>report_digest</c>) follow at their next read.
    /// </summary>
    /// <param name="nameOrFile">A register name, <c>name:hash</c> or file name.</param>
    /// <param name="value">Exactly the register's size.</param>
    /// <exception cref="MeasurementRegisterNotFoundException">No such register.</exception>
    /// <exception cref="MeasurementSizeArgumentException"><paramref name="value"/> has the wrong size.</exception>
    /// <exception cref="InvalidOperationException">The register is derived by a refresh rule, so it has no value of its own.</exception>
    public void SetValue(string nameOrFile, ReadOnlySpan<byte> value)
    {
        EmulatedRegister register = Settable(nameOrFile, value);
        lock (_gate)
        {
            value.CopyTo(register.Platform);
            value.CopyTo(register.Cache);
            IsCacheInSync = false;
        }
    }

    /// <summary>
    /// Changes a register's value behind the ABI, as another path to the hardware does: only the platform's value
    /// changes. Reads keep returning the kernel's cached copy until a successful write marks the group cache stale and
    /// a live register is read (a non-live register keeps the old copy until such a refresh).
    /// </summary>
    /// <param name="nameOrFile">A register name, <c>name:hash</c> or file name.</param>
    /// <param name="value">Exactly the register's size.</param>
    /// <exception cref="MeasurementRegisterNotFoundException">No such register.</exception>
    /// <exception cref="MeasurementSizeArgumentException"><paramref name="value"/> has the wrong size.</exception>
    /// <exception cref="InvalidOperationException">The register is derived by a refresh rule, so it has no value of its own.</exception>
    public void SetPlatformValue(string nameOrFile, ReadOnlySpan<byte> value)
    {
        EmulatedRegister register = Settable(nameOrFile, value);
        lock (_gate)
        {
            value.CopyTo(register.Platform);
        }
    }

    /// <summary>
    /// The platform's value of a register: what a report straight from the firmware carries (TDG.MR.REPORT,
    /// SNP_GUEST_REQUEST), whatever the kernel's cached copy shows. Reading it refreshes nothing.
    /// </summary>
    /// <param name="nameOrFile">A register name, <c>name:hash</c> or file name.</param>
    /// <returns>A copy of the value.</returns>
    /// <exception cref="MeasurementRegisterNotFoundException">No such register.</exception>
    public byte[] PlatformValue(string nameOrFile)
    {
        EmulatedRegister register = Lookup(nameOrFile);
        lock (_gate)
        {
            return (byte[])register.Platform.Clone();
        }
    }

    /// <summary>
    /// Rewrites the kernel's cached copy of every register from the platform, as TDX's <c>tdx_do_report</c> does: every
    /// <c>mr_value</c> points into the one TDREPORT buffer that each TDG.MR.REPORT rewrites whole, whether tsm-mr's
    /// refresh, the GET_REPORT0 ioctl or a configfs-tsm report asked for it (<c>drivers/virt/coco/tdx-guest/tdx-guest.c</c>).
    /// Only the refresh sets tsm-mr's <c>in_sync</c>, so <see cref="IsCacheInSync"/> is left as it was.
    /// </summary>
    public void RewriteCacheFromPlatform()
    {
        lock (_gate)
        {
            foreach (EmulatedRegister register in _registers)
            {
                if (register.Definition.AliasOf is null && register.RefreshSources is null)
                {
                    register.Platform.CopyTo(register.Cache);
                }
            }
        }
    }

    /// <summary>
    /// Sets every register whose name is a field name of a parsed report, so the emulator starts from production values
    /// (a TD quote or TDREPORT gives MRTD, RTMR0-3, MRCONFIGID, MROWNER and MROWNERCONFIG; an SNP report its
    /// measurement and host data). Pass the report's <c>VisitFields</c>: <c>device.SeedFrom(v => TdQuote.Parse(bytes).VisitFields(v))</c>.
    /// Fields whose size differs from the register's, derived registers and fields that name no register are skipped.
    /// </summary>
    /// <param name="visitFields">Calls the visitor with the report's fields, as the generated <c>VisitFields</c> does.</param>
    /// <returns>The names of the registers that were set, in the order the report holds them.</returns>
    public IReadOnlyList<string> SeedFrom(Action<IReportFieldVisitor> visitFields)
    {
        ArgumentNullException.ThrowIfNull(visitFields);
        var seeder = new EmulatorSeeder(this);
        visitFields(seeder);
        return seeder.Seeded;
    }

    /// <summary>
    /// Makes the next write of <paramref name="fileName"/> that reaches the driver fail with <paramref name="errno"/>,
    /// as the driver's call does; the register is left unchanged and the cache stays as it was. The errnos are those a
    /// driver returns: TDX <c>tdx_mcall_extend_rtmr</c> ENXIO, EBUSY, EIO; EINTR from the driver's interruptible lock,
    /// before anything happened; EINVAL from early TDX postings and the Arm CCA helpers. A later call replaces a pending
    /// fault.
    /// </summary>
    /// <exception cref="MeasurementRegisterNotFoundException">No such file.</exception>
    /// <exception cref="ArgumentException">The file is not writable, so no write of it reaches a driver.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="errno"/> is not one a driver returns.</exception>
    public void FailNext(string fileName, int errno)
    {
        CheckDriverErrno(errno);
        EmulatedRegister register = File(fileName, "Injecting a fault into");
        if (!register.Definition.IsExtendable)
        {
            throw new ArgumentException(
                $"'{register.FileName}' is not writable, so no write of it reaches the driver; to fail the refresh a live read triggers, use FailNextRefresh.",
                nameof(fileName));
        }

        lock (_gate)
        {
            register.PendingWriteErrno = errno;
        }
    }

    /// <summary>
    /// Makes the next group refresh fail with <paramref name="errno"/>: the refresh runs when a live register is read
    /// with a stale cache, its failure fails that read, and the cache stays stale, so the next live read of any register
    /// of the group retries it. Non-live reads and reads at the end never refresh and so never fail. The errnos are those
    /// a refresh returns: TDX TDG.MR.REPORT ENXIO, EBUSY, EIO and EINTR from its lock; Arm CCA maps every failure to EINVAL.
    /// </summary>
    /// <exception cref="InvalidOperationException">The device has no live register, so it never refreshes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="errno"/> is not one a refresh returns.</exception>
    public void FailNextRefresh(int errno)
    {
        CheckDriverErrno(errno);
        if (!HasLiveRegisters)
        {
            throw new InvalidOperationException($"The emulated {Definition.DisplayName} has no live register, so no read refreshes it.");
        }

        lock (_gate)
        {
            PendingRefreshErrno = errno;
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

    /// <summary>
    /// A copy of everything that changes while the device runs, for <see cref="FileEmulatedBackend"/>: the group's
    /// <c>in_sync</c> flag and pending refresh fault, and per file (schema order) its pending write fault and, for a
    /// storage owner, its platform value and, unless it is the platform's own buffer (TPM devices), the cached copy.
    /// </summary>
    internal EmulatedDeviceState Export()
    {
        lock (_gate)
        {
            var registers = new EmulatedRegisterState[_registers.Length];
            for (int i = 0; i < registers.Length; i++)
            {
                EmulatedRegister register = _registers[i];
                bool owner = register.Definition.AliasOf is null;
                registers[i] = new EmulatedRegisterState(
                    register.FileName,
                    register.Size,
                    owner ? (byte[])register.Platform.Clone() : null,
                    owner && !ReferenceEquals(register.Cache, register.Platform) ? (byte[])register.Cache.Clone() : null,
                    register.PendingWriteErrno);
            }

            return new EmulatedDeviceState(Definition.Vendor, IsCacheInSync, PendingRefreshErrno, registers);
        }
    }

    /// <summary>
    /// Restores what <see cref="Export"/> copied. The caller has checked that <paramref name="state"/> has this device's
    /// layout (the same files in the same order, values of the register sizes where this device keeps them).
    /// </summary>
    internal void Import(EmulatedDeviceState state)
    {
        lock (_gate)
        {
            for (int i = 0; i < _registers.Length; i++)
            {
                EmulatedRegister register = _registers[i];
                EmulatedRegisterState saved = state.Registers[i];
                saved.Platform?.CopyTo(register.Platform);
                saved.Cache?.CopyTo(register.Cache);
                register.PendingWriteErrno = saved.PendingWriteErrno;
            }

            IsCacheInSync = state.InSync;
            PendingRefreshErrno = state.PendingRefreshErrno;
        }
    }

    /// <summary>Whether <paramref name="errno"/> is one that <see cref="FailNext"/> and <see cref="FailNextRefresh"/> accept.</summary>
    internal static bool IsDriverErrno(int errno) =>
        errno is LinuxErrno.EINTR or LinuxErrno.EIO or LinuxErrno.ENXIO or LinuxErrno.EBUSY or LinuxErrno.EINVAL;

    internal int Read(EmulatedRegister register, long offset, Span<byte> destination)
    {
        // kernfs refuses a read open of a file without read permission, even for root (fs/kernfs/file.c kernfs_fop_open).
        if (!register.Definition.IsReadable)
        {
            throw Fail(register, LinuxErrno.EACCES, extending: false);
        }

        if (offset < 0)
        {
            throw Fail(register, LinuxErrno.EINVAL, extending: false);
        }

        int length = Definition.Encoding == SysfsEncoding.Hex ? HexRegisterText.Length(register.Size) : register.Size;

        // sysfs_kf_bin_read returns 0 for an empty read or one at the end before tsm-mr runs, so neither refreshes.
        if (destination.IsEmpty || offset >= length)
        {
            return 0;
        }

        lock (_gate)
        {
            if (register.Definition.IsLive && !IsCacheInSync)
            {
                RefreshGroup(register);
            }

            if (Definition.Encoding == SysfsEncoding.Hex)
            {
                Span<byte> text = stackalloc byte[length];
                HexRegisterText.Format(register.Cache, text);
                return CopyFrom(text, offset, destination);
            }

            return CopyFrom(register.Cache, offset, destination);
        }
    }

    internal int Write(EmulatedRegister register, long offset, ReadOnlySpan<byte> data)
    {
        // Hex files are the TPM's read-only PCR text (mode 0444); tsm-mr files are writable only with TSM_MR_F_WRITABLE
        // (mode 0644, root-owned), and kernfs checks that at open, before any offset or size rule.
        if (Definition.Encoding == SysfsEncoding.Hex || !register.Definition.IsExtendable)
        {
            throw Fail(register, LinuxErrno.EACCES, extending: true);
        }

        if (_unprivileged)
        {
            throw RegisterErrors.WriteDenied(LinuxErrno.EACCES, register.QualifiedName, register.Path);
        }

        if (offset < 0)
        {
            throw Fail(register, LinuxErrno.EINVAL, extending: true);
        }

        if (offset >= register.Size)
        {
            throw Fail(register, LinuxErrno.EFBIG, extending: true);
        }

        // sysfs_kf_bin_write clamps the count to the bytes left and returns 0 for nothing left to write.
        int count = (int)Math.Min(data.Length, register.Size - offset);
        if (count == 0)
        {
            return 0;
        }

        if (offset != 0 || count != register.Size)
        {
            throw Fail(register, LinuxErrno.EINVAL, extending: true);
        }

        Extend(register, data[..count]);
        return count;
    }

    /// <summary>
    /// The driver's extend, without the file rules: what a write that passed them reaches, and the TPM2_PCR_Extend
    /// path of hex-encoded (TPM) devices, whose sysfs files are read-only. Callers check extendability and size first.
    /// </summary>
    internal void Extend(EmulatedRegister register, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            int errno = register.PendingWriteErrno;
            if (errno != 0)
            {
                register.PendingWriteErrno = 0;
                throw Fail(register, errno, extending: true);
            }

            if (!register.Definition.HasHash || !MeasurementHashInfo.IsSupported(register.Hash))
            {
                throw Fail(register, LinuxErrno.EOPNOTSUPP, extending: true);
            }

            Span<byte> concatenated = stackalloc byte[2 * register.Size];
            register.Platform.CopyTo(concatenated);
            data.CopyTo(concatenated[register.Size..]);
            MeasurementHashInfo.Compute(register.Hash, concatenated, register.Platform);

            // A driver can only show a non-live register's new value by writing its mr_value itself (as the kernel
            // sample does); a live one shows it after the refresh that the stale cache now asks for.
            if (!register.Definition.IsLive)
            {
                register.Platform.CopyTo(register.Cache);
            }

            IsCacheInSync = false;
        }
    }

    /// <summary>Sets <paramref name="name"/> from a report field when it names a settable register of the same size.</summary>
    internal bool TrySeed(string name, ReadOnlySpan<byte> value)
    {
        if (!Definition.TryFind(name, out RegisterDefinition? definition))
        {
            return false;
        }

        EmulatedRegister register = _registers[Definition.IndexOf(definition)];
        if (register.RefreshSources is not null || register.Size != value.Length)
        {
            return false;
        }

        SetValue(register.FileName, value);
        return true;
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

    private static void CheckDriverErrno(int errno)
    {
        if (!IsDriverErrno(errno))
        {
            throw new ArgumentOutOfRangeException(
                nameof(errno),
                errno,
                $"{LinuxErrno.Describe(errno)} is not an error a tsm-mr driver call returns; use EINTR, EIO, ENXIO, EBUSY or EINVAL.");
        }
    }

    // tm_digest_read: one refresh() for the whole group; success sets in_sync, failure fails this read and leaves the
    // cache stale so the next live read retries. TDX's refresh rewrites the whole report buffer every mr_value points
    // into (drivers/virt/coco/tdx-guest/tdx-guest.c tdx_mr_refresh), so every cached value follows the platform.
    private void RefreshGroup(EmulatedRegister reading)
    {
        int errno = PendingRefreshErrno;
        if (errno != 0)
        {
            PendingRefreshErrno = 0;
            throw Fail(reading, errno, extending: false);
        }

        foreach (EmulatedRegister register in _registers)
        {
            if (register.Definition.AliasOf is null)
            {
                register.Platform.CopyTo(register.Cache);
            }
        }

        foreach (EmulatedRegister register in _registers)
        {
            if (register.RefreshSources is not null)
            {
                Derive(register);
            }
        }

        IsCacheInSync = true;
    }

    // H(source0 || source1 || ...), like the kernel sample's refresh of report_digest over the values before it.
    private static void Derive(EmulatedRegister register)
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
            source.Cache.CopyTo(concatenated[offset..]);
            offset += source.Size;
        }

        MeasurementHashInfo.Compute(register.Definition.Refresh!.Hash, concatenated, register.Cache);
        register.Cache.CopyTo(register.Platform);
    }

    private EmulatedRegister Create(RegisterDefinition register, MeasurementHash hash, byte[] platform, byte[] cache)
    {
        string fileName = RegisterDefinition.Resolve(register.FileName, hash);
        string path = $"emulator:{Definition.SysfsDirectory.TrimEnd('/')}/{fileName}";
        return new EmulatedRegister(register, hash, platform.Length, fileName, path, platform, cache);
    }

    private EmulatedRegister Lookup(string nameOrFile)
    {
        ArgumentNullException.ThrowIfNull(nameOrFile);
        return _byFileName.TryGetValue(nameOrFile, out EmulatedRegister? byFile)
            ? byFile
            : _registers[Definition.IndexOf(Definition.Find(nameOrFile))];
    }

    private EmulatedRegister Settable(string nameOrFile, ReadOnlySpan<byte> value)
    {
        EmulatedRegister register = Lookup(nameOrFile);
        if (register.RefreshSources is not null)
        {
            throw new InvalidOperationException(
                $"Register '{register.QualifiedName}' is derived from {string.Join(", ", register.Definition.Refresh!.Sources)} whenever the cache refreshes; set those instead.");
        }

        if (value.Length != register.Size)
        {
            throw new MeasurementSizeArgumentException(
                $"Register '{register.QualifiedName}' is {register.Size} bytes, but the value has {value.Length}.",
                nameof(value), expectedSize: register.Size, actualSize: value.Length, registerName: register.QualifiedName);
        }

        return register;
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
