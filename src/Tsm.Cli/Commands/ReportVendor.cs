namespace Tsm.Cli.Commands;

/// <summary>The <c>--vendor</c> values of <c>tsm report</c> and what each needs of its nonce.</summary>
internal static class ReportVendor
{
    public const string Tdx = "tdx";

    public const string SevSnp = "sev-snp";

    public const string ArmCca = "arm-cca";

    public static readonly string[] All = [Tdx, SevSnp, ArmCca];

    /// <summary>
    /// The nonce sizes a vendor accepts, in bytes: TDREPORT's REPORTDATA and SNP's REPORT_DATA are exactly 64; a CCA
    /// challenge is 32 to 64 (the configfs-tsm Arm CCA provider's bounds), zero-padded to 64.
    /// </summary>
    public static (int Minimum, int Maximum) NonceSize(string vendor) => vendor == ArmCca ? (32, 64) : (64, 64);

    /// <summary>The configfs-tsm provider that makes the vendor's evidence (<c>.name = KBUILD_MODNAME</c> of its guest driver).</summary>
    public static string Provider(string vendor) => vendor switch
    {
        Tdx => Attestation.Configfs.TsmReportProviders.Tdx,
        SevSnp => Attestation.Configfs.TsmReportProviders.Sev,
        _ => Attestation.Configfs.TsmReportProviders.Cca,
    };
}
