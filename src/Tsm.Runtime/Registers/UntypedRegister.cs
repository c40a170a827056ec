namespace Tsm;

/// <summary>
/// The register object behind <see cref="MeasurementDevice.Registers"/> and <see cref="MeasurementDevice.Register"/>:
/// bytes in, bytes out, extendable exactly when the definition is.
/// </summary>
internal sealed class UntypedRegister : MeasurementRegister
{
    public UntypedRegister(MeasurementSession session, RegisterDefinition definition)
        : base(session, definition, canExtend: true)
    {
    }
}
