using System.Collections.Generic;
using System.Linq;
using Tsm.Attestation;

namespace Tsm.Cli.Commands;

/// <summary>The shipped vendors the register commands know, by schema vendor id, from the generated <see cref="TsmCatalog"/>.</summary>
internal static class VendorCatalog
{
    public static IEnumerable<string> Names => TsmCatalog.Vendors;

    /// <summary>The vendors whose schema maps logical roles, for <see cref="MeasurementPlatform.Detect(IReadOnlyList{DeviceDefinition})"/>.</summary>
    public static IReadOnlyList<DeviceDefinition> WithRoles => TsmCatalog.Definitions.Where(static d => d.Roles.Count > 0).ToArray();

    /// <exception cref="InputException">No shipped vendor has that id.</exception>
    public static DeviceDefinition Find(string vendor) =>
        TsmCatalog.Definitions.FirstOrDefault(d => d.Vendor == vendor)
        ?? throw new InputException($"--vendor '{vendor}' is not a shipped vendor; use one of: {string.Join(", ", Names)}");
}
