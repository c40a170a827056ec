namespace Tsm.Attestation.Configfs;

/// <summary>
/// The provider names the <c>provider</c> attribute shows (each driver's <c>.name = KBUILD_MODNAME</c>), and the
/// <c>inblob</c> length each accepts, which <see cref="ConfigfsReport"/> checks before writing anything.
/// </summary>
public static class TsmReportProviders
{
    /// <summary>Intel TDX (<c>drivers/virt/coco/tdx-guest/tdx-guest.c</c>): outblob is a TD quote.</summary>
    public const string Tdx = "tdx_guest";

    /// <summary>AMD SEV-SNP (<c>drivers/virt/coco/sev-guest/sev-guest.c</c>): outblob is an attestation report, auxblob the certificate table.</summary>
    public const string Sev = "sev_guest";

    /// <summary>Arm CCA (<c>drivers/virt/coco/arm-cca-guest/arm-cca-guest.c</c>): outblob is a CCA attestation token.</summary>
    public const string Cca = "arm_cca_guest";

    /// <summary>The provider's inblob rule in words, or null when <paramref name="inblobLength"/> satisfies it.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="inblobLength">The number of bytes the caller wants to write.</param>
    public static string? InblobRuleViolated(string provider, int inblobLength) => provider switch
    {
        // tdx_report_new and sev_report_new return EINVAL unless inblob_len is TSM_REPORT_INBLOB_MAX.
        Tdx or Sev when inblobLength != TsmReportAttributes.InblobMax =>
            $"provider '{provider}' takes exactly {TsmReportAttributes.InblobMax} bytes of inblob",

        // arm_cca_report_new accepts 32..64 bytes and zero-pads the challenge to 64.
        Cca when inblobLength is < 32 or > TsmReportAttributes.InblobMax =>
            $"provider '{provider}' takes 32 to {TsmReportAttributes.InblobMax} bytes of inblob (zero-padded to {TsmReportAttributes.InblobMax} as the challenge)",

        // configfs refuses an empty write (EFAULT) and more than the maximum (EFBIG) for every provider.
        _ when inblobLength is < 1 or > TsmReportAttributes.InblobMax =>
            $"configfs-tsm takes 1 to {TsmReportAttributes.InblobMax} bytes of inblob",
        _ => null,
    };
}
