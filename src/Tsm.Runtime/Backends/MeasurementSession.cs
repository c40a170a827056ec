using System;
using System.Collections.Generic;

namespace Tsm;

/// <summary>
/// An open connection between one device definition and one backend (the kernel's sysfs files or the emulator).
/// Registers and generated device classes do all their I/O through it.
/// </summary>
public abstract class MeasurementSession : IDisposable
{
    /// <summary>Creates a session for <paramref name="definition"/>.</summary>
    protected MeasurementSession(DeviceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
    }

    /// <summary>The device this session serves.</summary>
    public DeviceDefinition Definition { get; }

    /// <summary>Where the registers live: the sysfs directory (<c>/sys/class/misc/tdx_guest/measurements</c>) or <c>emulator</c>.</summary>
    public abstract string Location { get; }

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>
    /// The hash <paramref name="register"/> uses in this session. Fixed-hash registers return their own
    /// <see cref="RegisterDefinition.Hash"/>; backends resolve hash-choice registers (Arm CCA) from what the platform exposes,
    /// or return <see cref="MeasurementHash.None"/> when they cannot.
    /// </summary>
    public virtual MeasurementHash ResolveHash(RegisterDefinition register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return register.Hash;
    }

    /// <summary>The size of <paramref name="register"/>'s value in this session: the resolved hash's digest size for hash-choice registers, else <see cref="RegisterDefinition.Size"/>.</summary>
    public int ResolveSize(RegisterDefinition register)
    {
        MeasurementHash hash = ResolveHash(register);
        return register.HasHashChoices && hash != MeasurementHash.None ? MeasurementHashInfo.DigestSize(hash) : register.Size;
    }

    /// <summary>The full path of <paramref name="register"/>'s file in this session, for messages and tools.</summary>
    public virtual string PathOf(RegisterDefinition register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return $"{Location}/{RegisterDefinition.Resolve(register.FileName, ResolveHash(register))}";
    }

    /// <summary>Reads the current value of <paramref name="register"/> into the first <see cref="ResolveSize"/> bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short, or the register is not part of <see cref="Definition"/>.</exception>
    /// <exception cref="TsmException">The backend failed; the subtype and <see cref="TsmException.Errno"/> say how.</exception>
    public abstract void Read(RegisterDefinition register, Span<byte> destination);

    /// <summary>
    /// Reads each of <paramref name="registers"/> into <paramref name="destination"/>, one value after another at its
    /// <see cref="ResolveSize"/>, as one operation where the backend has one (a TPM: one TPM2_PCR_Read of a PCR in
    /// every bank), else in order.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the values.</exception>
    /// <exception cref="TsmException">A read failed.</exception>
    public virtual void ReadAll(IReadOnlyList<RegisterDefinition> registers, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(registers);
        int offset = 0;
        foreach (RegisterDefinition register in registers)
        {
            int size = ResolveSize(register);
            if (destination.Length - offset < size)
            {
                throw new ArgumentException($"The values of {registers.Count} registers do not fit a destination of {destination.Length} bytes.", nameof(destination));
            }

            Read(register, destination.Slice(offset, size));
            offset += size;
        }
    }

    /// <summary>
    /// Extends <paramref name="register"/> with <paramref name="data"/>: <c>new = H(old || data)</c>. Validates before any I/O.
    /// </summary>
    /// <exception cref="MeasurementRegisterNotWritableException">The register cannot be extended.</exception>
    /// <exception cref="MeasurementSizeArgumentException"><paramref name="data"/> is not exactly <see cref="ResolveSize"/> bytes.</exception>
    /// <exception cref="TsmException">The backend failed; the subtype and <see cref="TsmException.Errno"/> say how.</exception>
    public abstract void Extend(RegisterDefinition register, ReadOnlySpan<byte> data);

    /// <summary>
    /// Whether <paramref name="register"/> exists behind this session. Every register of the definition does, except the
    /// banks of a crypto-agile device that the platform has not allocated (a TPM without a SHA-512 bank).
    /// </summary>
    public virtual bool IsAvailable(RegisterDefinition register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return true;
    }

    /// <summary>
    /// Extends each of <paramref name="registers"/> with the digest at the same position, as one operation where the
    /// backend has one (a TPM: one TPM2_PCR_Extend carrying every bank, so the banks cannot drift apart), else in order.
    /// Every register and digest is checked before the first extend.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a digest is not its register's algorithm.</exception>
    /// <exception cref="MeasurementRegisterNotWritableException">A register is not extendable.</exception>
    /// <exception cref="TsmException">The backend failed; with the fallback, the registers before the failing one are extended.</exception>
    public virtual void ExtendAll(IReadOnlyList<RegisterDefinition> registers, ReadOnlySpan<AgileDigest> digests)
    {
        CheckExtendAll(registers, digests);
        for (int i = 0; i < registers.Count; i++)
        {
            Extend(registers[i], digests[i].Bytes);
        }
    }

    /// <summary>The checks of <see cref="ExtendAll"/>, made before any I/O.</summary>
    protected void CheckExtendAll(IReadOnlyList<RegisterDefinition> registers, ReadOnlySpan<AgileDigest> digests)
    {
        ArgumentNullException.ThrowIfNull(registers);
        if (registers.Count != digests.Length)
        {
            throw new ArgumentException($"{registers.Count} registers but {digests.Length} digests; give one digest per register.", nameof(digests));
        }

        for (int i = 0; i < registers.Count; i++)
        {
            CheckExtend(registers[i], digests[i].Bytes);
            MeasurementHash hash = ResolveHash(registers[i]);
            if (digests[i].Algorithm != hash)
            {
                throw new ArgumentException(
                    $"Digest {i} is {MeasurementHashInfo.KernelName(digests[i].Algorithm)}, but '{QualifiedNameOf(registers[i])}' is extended with {MeasurementHashInfo.KernelName(hash)} digests.",
                    nameof(digests));
            }
        }
    }

    /// <summary>Ends the session. Later reads and extends throw <see cref="ObjectDisposedException"/>.</summary>
    public virtual void Dispose()
    {
        IsDisposed = true;
        GC.SuppressFinalize(this);
    }

    /// <summary>Names the device and <see cref="Location"/>.</summary>
    public override string ToString() => $"{Definition.DisplayName} at {Location}";

    /// <summary>Throws <see cref="ObjectDisposedException"/> once the session is disposed.</summary>
    protected void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    /// <summary>The position of <paramref name="register"/> in <see cref="Definition"/>; throws when it belongs to another device.</summary>
    /// <exception cref="ArgumentException">The register is not one of <see cref="Definition"/>'s registers.</exception>
    protected int IndexOf(RegisterDefinition register)
    {
        ArgumentNullException.ThrowIfNull(register);
        int index = Definition.IndexOf(register);
        if (index < 0)
        {
            throw new ArgumentException(
                $"Register '{register.QualifiedName}' is not one of the RegisterDefinition objects of {Definition.DisplayName}; use the definitions from this session's Definition.Registers.",
                nameof(register));
        }

        return index;
    }

    /// <summary>The register's kernel-style qualified name in this session, a chosen hash filled in (<c>rem0:sha256</c>).</summary>
    public string QualifiedNameOf(RegisterDefinition register) => RegisterDefinition.Resolve(register.QualifiedName, ResolveHash(register));

    /// <summary>Throws unless <paramref name="destination"/> holds the register's value.</summary>
    /// <returns>The register's size in this session.</returns>
    protected int CheckRead(RegisterDefinition register, Span<byte> destination)
    {
        int size = ResolveSize(register);
        if (destination.Length < size)
        {
            throw new ArgumentException(
                $"Register '{QualifiedNameOf(register)}' is {size} bytes, but the destination has {destination.Length}.",
                nameof(destination));
        }

        return size;
    }

    /// <summary>The checks every extend makes before touching a file: the register is extendable and the data has its exact size.</summary>
    /// <exception cref="MeasurementRegisterNotWritableException">The register is not extendable.</exception>
    /// <exception cref="MeasurementSizeArgumentException"><paramref name="data"/> is not exactly the register size.</exception>
    protected void CheckExtend(RegisterDefinition register, ReadOnlySpan<byte> data)
    {
        if (!register.IsExtendable)
        {
            throw RegisterErrors.NotExtendable(Definition, register, QualifiedNameOf(register), PathOf(register));
        }

        int size = ResolveSize(register);
        if (data.Length != size)
        {
            throw RegisterErrors.WrongExtendSize(QualifiedNameOf(register), PathOf(register), size, data.Length);
        }
    }
}
