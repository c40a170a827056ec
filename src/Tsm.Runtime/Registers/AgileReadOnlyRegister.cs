using System;
using System.ComponentModel;

namespace Tsm;

/// <summary>
/// A read-only register whose hash is chosen at run time (the Arm CCA RIM): its value is an <see cref="AgileDigest"/>
/// of the session's resolved hash. Through <see cref="IMeasurementRegister"/> an extend throws <see cref="MeasurementRegisterNotWritableException"/>.
/// </summary>
public sealed class AgileReadOnlyRegister : MeasurementRegister
{
    /// <summary>Binds <paramref name="definition"/> to <paramref name="session"/>.</summary>
    /// <exception cref="ArgumentException">The register is larger than <see cref="AgileDigest.MaxLength"/>.</exception>
    // Generated code calls this; applications get instances from the generated classes, so IntelliSense hides it (issue 8 §5).
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AgileReadOnlyRegister(MeasurementSession session, RegisterDefinition definition)
        : base(session, definition, canExtend: false) => RequireAgileSize();

    /// <summary>Reads the current value without allocating.</summary>
    /// <exception cref="TsmException">The read failed; the subtype says how.</exception>
    public AgileDigest Read() => ReadAgile();
}
