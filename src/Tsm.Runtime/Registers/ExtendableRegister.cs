using System;
using System.ComponentModel;

namespace Tsm;

/// <summary>A register that can be extended (TDX RTMRs, the kernel sample's <c>rtmr1</c>): <c>new = H(old || value)</c>.</summary>
/// <typeparam name="T">The value type, exactly the register's size; only a value of this type fits <see cref="Extend(in T)"/>.</typeparam>
public sealed class ExtendableRegister<T> : MeasurementRegister
    where T : unmanaged, IMeasurementValue<T>
{
    /// <summary>Binds <paramref name="definition"/> to <paramref name="session"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> does not have the register's size or hash.</exception>
    // Generated code calls this; applications get instances from the generated classes, so IntelliSense hides it (issue 8 §5).
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ExtendableRegister(MeasurementSession session, RegisterDefinition definition)
        : base(session, definition, canExtend: true) => RequireValueType<T>();

    /// <summary>Reads the current value without allocating.</summary>
    /// <exception cref="TsmException">The read failed; the subtype says how.</exception>
    public T Read() => ReadValue<T>();

    /// <summary>Extends the register with <paramref name="value"/> without copying or allocating.</summary>
    /// <exception cref="MeasurementRegisterNotWritableException">The register is not extendable on this backend.</exception>
    /// <exception cref="TsmException">The extend failed; the subtype says how.</exception>
    public void Extend(in T value) => ExtendValue(in value);

    /// <summary>Extends the register with <paramref name="data"/>, which must be exactly <see cref="MeasurementRegister.Size"/> bytes.</summary>
    /// <exception cref="MeasurementSizeArgumentException"><paramref name="data"/> has the wrong size; nothing was written.</exception>
    /// <exception cref="MeasurementRegisterNotWritableException">The register is not extendable on this backend.</exception>
    /// <exception cref="TsmException">The extend failed; the subtype says how.</exception>
    public void Extend(ReadOnlySpan<byte> data) => ExtendBytes(data);
}
