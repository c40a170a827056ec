namespace Tsm;

/// <summary>The kernel's register files, or a directory laid out like them.</summary>
internal sealed class SysfsBackend : TsmBackend
{
    private readonly string? _directory;

    /// <param name="directory">The directory to use for every device, or null for each device's own sysfs directory.</param>
    public SysfsBackend(string? directory) => _directory = directory;

    /// <inheritdoc/>
    public override MeasurementSession Open(DeviceDefinition definition)
    {
        System.ArgumentNullException.ThrowIfNull(definition);
        return new SysfsSession(definition, _directory ?? definition.SysfsDirectory);
    }
}
