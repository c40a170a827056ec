using System;
using System.Buffers.Binary;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// The model of <c>sev_guest</c>'s configfs-tsm provider (<c>drivers/virt/coco/sev-guest/sev-guest.c</c>
/// <c>sev_report_new</c>, <c>sev_report_attr_visible</c>, <c>sev_report_bin_attr_visible</c>): generation, provider,
/// privlevel, privlevel_floor, inblob, outblob and auxblob are shown, plus the service attributes and manifestblob
/// when the guest runs under an SVSM (VMPL not 0). The inblob must be exactly 64 bytes and a service provider, if
/// written, must be <c>svsm</c> (else EINVAL). The outblob is the 1184-byte report without the firmware's response
/// header, built from the emulated SEV-SNP device with the requested privlevel as its VMPL; the auxblob is the
/// certificate table given here.
/// </summary>
public sealed class EmulatedSevGuest : IEvidenceProvider
{
    // ATTESTATION_REPORT.VMPL (u32 at 0x30): the VMPL the report was requested at.
    private const int VmplOffset = 0x30;

    private readonly EmulatedBackend _backend;
    private readonly byte[] _certificates;
    private readonly byte[] _serviceManifest;
    private readonly Action<byte[]>? _sign;

    /// <summary>Makes reports from the SEV-SNP device of <paramref name="backend"/>.</summary>
    /// <param name="backend">The emulator whose SEV-SNP registers the reports carry.</param>
    /// <param name="vmpl">The guest's VMPL (<c>snp_vmpl</c>), 0 to 3: the privlevel floor, and not 0 under an SVSM.</param>
    /// <param name="certificates">The certificate table the host supplies as auxblob; empty for none.</param>
    /// <param name="serviceManifest">The manifestblob the SVSM returns when <c>service_provider</c> is <c>svsm</c>.</param>
    /// <param name="sign">Signs a built report in place, as the firmware does with its VCEK; by default the signature stays zero.</param>
    public EmulatedSevGuest(EmulatedBackend backend, uint vmpl = 0, ReadOnlyMemory<byte> certificates = default, ReadOnlyMemory<byte> serviceManifest = default, Action<byte[]>? sign = null)
    {
        _sign = sign;
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(vmpl, 3u);
        _backend = backend;
        PrivlevelFloor = vmpl;
        _certificates = certificates.ToArray();
        _serviceManifest = serviceManifest.ToArray();
    }

    /// <inheritdoc/>
    public string Name => TsmReportProviders.Sev;

    /// <summary>The guest's VMPL: <c>sev-guest.c</c> sets the floor to <c>snp_vmpl</c>.</summary>
    public uint PrivlevelFloor { get; }

    /// <inheritdoc/>
    public bool IsVisible(string attribute) => attribute switch
    {
        TsmReportAttributes.Generation or TsmReportAttributes.Provider or TsmReportAttributes.Privlevel or TsmReportAttributes.PrivlevelFloor
            or TsmReportAttributes.Inblob or TsmReportAttributes.Outblob or TsmReportAttributes.Auxblob => true,
        TsmReportAttributes.ServiceProvider or TsmReportAttributes.ServiceGuid or TsmReportAttributes.ServiceManifestVersion
            or TsmReportAttributes.Manifestblob => PrivlevelFloor != 0,
        _ => false,
    };

    /// <inheritdoc/>
    public EvidenceResult Generate(EvidenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Inblob.Length != TsmReportAttributes.InblobMax || (request.ServiceProvider is not null && request.ServiceProvider != "svsm"))
        {
            return EvidenceResult.Failure(LinuxErrno.EINVAL);
        }

        // The firmware signs the launch values it holds, not a copy the kernel cached.
        using SevSnp snp = SevSnp.Open(PlatformSnapshot.Of(_backend, SevSnp.Definition));
        byte[] report = SnpReport.Build(snp, request.Inblob.Span);
        BinaryPrimitives.WriteUInt32LittleEndian(report.AsSpan(VmplOffset), request.Privlevel);
        _sign?.Invoke(report);
        return EvidenceResult.Success(report, _certificates, request.ServiceProvider is null ? default : _serviceManifest);
    }
}
