namespace Tsm.Runtime.Tests.Fixtures;

/// <summary>A device class without typed properties: registers only by name, as a generated class minus its properties.</summary>
public sealed class GenericDevice(MeasurementSession session) : MeasurementDevice(session)
{
    public static GenericDevice Open(DeviceDefinition definition, TsmBackend backend) => new(backend.Open(definition));
}
