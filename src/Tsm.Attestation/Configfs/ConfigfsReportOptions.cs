using System;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// The optional attributes of a report request. Each one set is written to its attribute before the inblob; an option
/// the provider does not show fails with <see cref="ConfigfsAttributeNotSupportedException"/> (TDX shows none of them,
/// SEV shows <see cref="Privlevel"/>, and the service options only under an SVSM).
/// </summary>
public sealed record ConfigfsReportOptions
{
    /// <summary>The privilege level to report at (SEV: the VMPL), in [privlevel_floor, 3].</summary>
    public uint? Privlevel { get; init; }

    /// <summary>The service provider to ask; the kernel accepts only <c>svsm</c>.</summary>
    public string? ServiceProvider { get; init; }

    /// <summary>The service to attest; <see cref="Guid.Empty"/> asks for all services.</summary>
    public Guid? ServiceGuid { get; init; }

    /// <summary>The version of the service manifest to return.</summary>
    public uint? ServiceManifestVersion { get; init; }
}
