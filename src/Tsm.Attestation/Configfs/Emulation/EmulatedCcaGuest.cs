using System;

namespace Tsm.Attestation.Configfs;

/// <summary>
/// The model of <c>arm_cca_guest</c>'s configfs-tsm provider (<c>drivers/virt/coco/arm-cca-guest/arm-cca-guest.c</c>
/// <c>arm_cca_report_new</c>): it defines no visibility callbacks, so every attribute is shown; the inblob must be 32
/// to 64 bytes (else EINVAL) and is zero-padded to the 64-byte challenge; the outblob is the CCA token for that
/// challenge. The token comes from the caller, because a token needs the platform's and the realm's signing keys.
/// </summary>
public sealed class EmulatedCcaGuest : IEvidenceProvider
{
    private const int MinimumInblob = 32;

    private readonly Func<ReadOnlyMemory<byte>, byte[]> _token;

    /// <summary>Makes tokens with <paramref name="token"/>.</summary>
    /// <param name="token">Returns the encoded CCA token whose realm challenge is the given 64 bytes.</param>
    public EmulatedCcaGuest(Func<ReadOnlyMemory<byte>, byte[]> token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _token = token;
    }

    /// <inheritdoc/>
    public string Name => TsmReportProviders.Cca;

    /// <inheritdoc/>
    public uint PrivlevelFloor => 0;

    /// <inheritdoc/>
    public bool IsVisible(string attribute) => true;

    /// <inheritdoc/>
    public EvidenceResult Generate(EvidenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Inblob.Length is < MinimumInblob or > TsmReportAttributes.InblobMax)
        {
            return EvidenceResult.Failure(LinuxErrno.EINVAL);
        }

        byte[] challenge = new byte[TsmReportAttributes.InblobMax];
        request.Inblob.Span.CopyTo(challenge);
        return EvidenceResult.Success(_token(challenge));
    }
}
