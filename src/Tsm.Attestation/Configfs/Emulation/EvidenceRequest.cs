using System;

namespace Tsm.Attestation.Configfs;

/// <summary>An instance's inputs when its report is made: the kernel's <c>struct tsm_report_desc</c> (<c>include/linux/tsm.h</c>).</summary>
public sealed record EvidenceRequest
{
    /// <summary>The stored inblob, <c>inblob_len</c> bytes (1 to 64; a provider checks its own rule).</summary>
    public required ReadOnlyMemory<byte> Inblob { get; init; }

    /// <summary>The privilege level requested, or 0 when none was written.</summary>
    public uint Privlevel { get; init; }

    /// <summary>The service provider written (one trailing newline stripped), or null when none was.</summary>
    public string? ServiceProvider { get; init; }

    /// <summary>The service GUID; null GUID when none was written or the last write failed to parse.</summary>
    public Guid ServiceGuid { get; init; }

    /// <summary>The service manifest version, 0 by default.</summary>
    public uint ServiceManifestVersion { get; init; }
}
