using System;
using System.ComponentModel;

namespace Tsm;

/// <summary>
/// An extendable register whose hash is chosen at run time (Arm CCA REM0-3): values are <see cref="AgileDigest"/>s
/// of the session's resolved hash.
/// </summary>
public sealed class AgileExtendableRegister : MeasurementRegister
{
    /// <summary>Binds <paramref name="definition"/> to <paramref name="session"/>.</summary>
    /// <exception cref="ArgumentException">The register is larger than <see cref="AgileDigest.MaxLength"/>.</exception>
    // Generated code calls this; applications get instances from the generated classes, so IntelliSense hides it (issue 8 §5).
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AgileExtendableRegister(MeasurementSession session, RegisterDefinition definition)
        : base(session, definition, canExtend: true) => RequireAgileSize();

    /// <summary>Reads the current value without allocating.</summary>
    /// <exception cref="TsmException">The read failed; the subtype says how.</exception>
    public AgileDigest Read() => ReadAgile();

    /// <summary>Extends the register with <paramref name="digest"/>, which must use the register's resolved hash.</summary>
    /// <exception cref="ArgumentException">The digest uses another algorithm than <see cref="MeasurementRegister.Hash"/>.</exception>
    /// <exception cref="MeasurementSizeArgumentException">The digest has the wrong size; nothing was written.</exception>
    /// <exception cref="TsmException">The extend failed; the subtype says how.</exception>
    public void Extend(AgileDigest digest)
    {
        if (digest.Algorithm != MeasurementHash.None && digest.Algorithm != Hash)
        {
            throw new ArgumentException(
                $"Register '{QualifiedName}' uses {MeasurementHashInfo.DisplayName(Hash)} on this platform, but the digest is {MeasurementHashInfo.DisplayName(digest.Algorithm)}.",
                nameof(digest));
        }

        ExtendBytes(digest.Bytes);
    }

    /// <summary>Extends the register with <paramref name="data"/>, which must be exactly <see cref="MeasurementRegister.Size"/> bytes.</summary>
    /// <exception cref="MeasurementSizeArgumentException"><paramref name="data"/> has the wrong size; nothing was written.</exception>
    /// <exception cref="TsmException">The extend failed; the subtype says how.</exception>
    public void Extend(ReadOnlySpan<byte> data) => ExtendBytes(data);
}
