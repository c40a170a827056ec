using System.Collections.Generic;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// The attribute files of a configfs-tsm report instance and their limits (<c>drivers/virt/coco/guest/report.c</c>,
/// <c>include/linux/tsm.h</c>). Which of them exist depends on the provider: TDX shows only generation, provider,
/// inblob and outblob; SEV adds privlevel, privlevel_floor and auxblob, and the service attributes and manifestblob
/// under an SVSM; Arm CCA shows all.
/// </summary>
public static class TsmReportAttributes
{
    /// <summary>The caller's data (nonce), binary, write-only, at most <see cref="InblobMax"/> bytes; stored at close.</summary>
    public const string Inblob = "inblob";

    /// <summary>The report, binary, read-only, made at the first read after a change; format named by <see cref="Provider"/>.</summary>
    public const string Outblob = "outblob";

    /// <summary>Supplemental data, binary, read-only (SEV: the certificate table); often empty.</summary>
    public const string Auxblob = "auxblob";

    /// <summary>The service manifest, binary, read-only (SEV under an SVSM).</summary>
    public const string Manifestblob = "manifestblob";

    /// <summary>The provider's name, read-only text (<c>"%s\n"</c>).</summary>
    public const string Provider = "provider";

    /// <summary>The write generation, read-only text (<c>"%lu\n"</c>): advanced by every successful store.</summary>
    public const string Generation = "generation";

    /// <summary>The privilege level to report at (SEV: the VMPL), write-only text, in [privlevel_floor, 3].</summary>
    public const string Privlevel = "privlevel";

    /// <summary>The lowest privilege level the guest may request, read-only text (<c>"%u\n"</c>).</summary>
    public const string PrivlevelFloor = "privlevel_floor";

    /// <summary>The service provider to ask (only <c>svsm</c>), write-only text.</summary>
    public const string ServiceProvider = "service_provider";

    /// <summary>The service to attest (null GUID: all), write-only text.</summary>
    public const string ServiceGuid = "service_guid";

    /// <summary>The service manifest version, write-only text.</summary>
    public const string ServiceManifestVersion = "service_manifest_version";

    /// <summary><c>TSM_REPORT_INBLOB_MAX</c>: the most bytes <see cref="Inblob"/> holds.</summary>
    public const int InblobMax = 64;

    /// <summary><c>TSM_REPORT_OUTBLOB_MAX</c> (SZ_32K): the largest blob configfs returns; a larger one fails with EFBIG.</summary>
    public const int OutblobMax = 32 * 1024;

    /// <summary>The largest text attribute: configfs shows and stores through one page, minus the terminating NUL on store.</summary>
    public const int TextMax = 4096;

    /// <summary>Every attribute name, in the order <c>report.c</c> declares them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Provider, Generation, Privlevel, PrivlevelFloor, ServiceProvider, ServiceGuid, ServiceManifestVersion,
        Inblob, Outblob, Auxblob, Manifestblob,
    ];
}
