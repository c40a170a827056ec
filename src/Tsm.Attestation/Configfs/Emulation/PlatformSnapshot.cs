namespace Tsm.Attestation.Configfs;

/// <summary>
/// The platform's register values of one emulated device, copied into a device of a private emulator. The generated
/// <c>Build</c> methods read through a session, and a session's reads follow tsm-mr's cache (a stale one is refreshed,
/// which sets its <c>in_sync</c> flag and can fire an injected refresh fault); a firmware report does neither, so the
/// model's providers build from this copy instead.
/// </summary>
internal static class PlatformSnapshot
{
    /// <summary>An emulator whose <paramref name="definition"/> device holds the platform values of <paramref name="backend"/>'s.</summary>
    public static EmulatedBackend Of(EmulatedBackend backend, DeviceDefinition definition)
    {
        EmulatedDevice device = backend.Device(definition);
        var snapshot = new EmulatedBackend(backend.Options);
        EmulatedDevice copy = snapshot.Device(definition);
        for (int i = 0; i < definition.Registers.Count; i++)
        {
            // Aliases share their owner's value, and derived values are the cache's, recomputed at each refresh.
            RegisterDefinition register = definition.Registers[i];
            if (register.AliasOf is null && register.Refresh is null)
            {
                copy.SetValue(device.Files[i], device.PlatformValue(device.Files[i]));
            }
        }

        return snapshot;
    }
}
