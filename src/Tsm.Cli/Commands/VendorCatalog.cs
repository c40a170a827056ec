using System;
using System.Collections.Generic;
using System.Linq;
using Tsm.Attestation;

namespace Tsm.Cli.Commands;

/// <summary>The shipped vendors the register commands know, by schema vendor id, from the generated classes.</summary>
internal static class VendorCatalog
{
    private static readonly IReadOnlyList<DeviceDefinition> Definitions =
        [Tdx.Definition, SevSnp.Definition, ArmCca.Definition, Tpm.Definition, TsmMrSample.Definition];

    public static IEnumerable<string> Names => Definitions.Select(static d => d.Vendor);

    /// <summary>The vendors whose schema maps logical roles, for <see cref="MeasurementPlatform.Detect(IReadOnlyList{DeviceDefinition})"/>.</summary>
    public static IReadOnlyList<DeviceDefinition> WithRoles => Definitions.Where(static d => d.Roles.Count > 0).ToArray();

    /// <exception cref="InputException">No shipped vendor has that id.</exception>
    public static DeviceDefinition Find(string vendor) =>
        Definitions.FirstOrDefault(d => d.Vendor == vendor)
        ?? throw new InputException($"--vendor '{vendor}' is not a shipped vendor; use one of: {string.Join(", ", Names)}");
}
