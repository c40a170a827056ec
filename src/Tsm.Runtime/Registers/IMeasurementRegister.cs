using System;

namespace Tsm;

/// <summary>A register of an open device, addressed without knowing its value type.</summary>
public interface IMeasurementRegister
{
    /// <summary>The register's definition.</summary>
    RegisterDefinition Definition { get; }

    /// <summary>The kernel name (<c>rtmr3</c>).</summary>
    string Name { get; }

    /// <summary><c>name:hash</c> with the hash resolved (<c>rtmr3:sha384</c>, <c>rem0:sha256</c>), or the bare name for NOHASH registers.</summary>
    string QualifiedName { get; }

    /// <summary>The value size in bytes (resolved for hash-choice registers).</summary>
    int Size { get; }

    /// <summary>The hash algorithm (resolved for hash-choice registers); <see cref="MeasurementHash.None"/> for opaque values.</summary>
    MeasurementHash Hash { get; }

    /// <summary>Whether <see cref="Extend"/> can succeed.</summary>
    bool IsExtendable { get; }

    /// <summary>Whether the value can change without an extend through this register (refreshed from the hardware when read after any write to its device).</summary>
    bool IsLive { get; }

    /// <summary>Reads the value into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    /// <returns><see cref="Size"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Size"/>.</exception>
    /// <exception cref="TsmException">The read failed; the subtype says how.</exception>
    int Read(Span<byte> destination);

    /// <summary>Reads the value into a new array.</summary>
    /// <exception cref="TsmException">The read failed; the subtype says how.</exception>
    byte[] ReadBytes();

    /// <summary>Extends the register: <c>new = H(old || data)</c>. Checked before any I/O.</summary>
    /// <exception cref="MeasurementRegisterNotWritableException">The register is not extendable.</exception>
    /// <exception cref="MeasurementSizeArgumentException"><paramref name="data"/> is not exactly <see cref="Size"/> bytes.</exception>
    /// <exception cref="TsmException">The extend failed; the subtype says how.</exception>
    void Extend(ReadOnlySpan<byte> data);
}
