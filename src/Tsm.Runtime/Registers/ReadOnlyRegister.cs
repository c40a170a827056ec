using System;
using System.ComponentModel;

namespace Tsm;

/// <summary>
/// A register whose value the platform fixes (TDX MRTD, MRCONFIGID, ...). It has no public <c>Extend</c>, so extending
/// it does not compile; through <see cref="IMeasurementRegister"/> an extend throws <see cref="MeasurementRegisterNotWritableException"/>.
/// </summary>
/// <typeparam name="T">The value type, exactly the register's size.</typeparam>
public sealed class ReadOnlyRegister<T> : MeasurementRegister
    where T : unmanaged, IMeasurementValue<T>
{
    /// <summary>Binds <paramref name="definition"/> to <paramref name="session"/>.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> does not have the register's size or hash.</exception>
    // Generated code calls this; applications get instances from the generated classes, so IntelliSense hides it (issue 8 §5).
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReadOnlyRegister(MeasurementSession session, RegisterDefinition definition)
        : base(session, definition, canExtend: false) => RequireValueType<T>();

    /// <summary>Reads the current value without allocating.</summary>
    /// <exception cref="TsmException">The read failed; the subtype says how.</exception>
    public T Read() => ReadValue<T>();
}
