using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Emulation;

/// <summary>
/// The emulator starts from production values when seeded from real evidence: a developer's machine then shows the
/// registers of the TD that produced the quote (values stated in MANIFEST.md for go-tdx-guest's COS-113 quote).
/// </summary>
public sealed class EmulatorSeedingTests
{
    private const string Rtmr0 = "3fa2f61f395b7f5feefb4ec2df61297f109ad8abcd6410c1b7df60f21f37b19297fc35e544039c7e1edece752afd17f6";
    private const string Rtmr2 = "4969684dc87381fc3b3134176c8d8806eaf0a901859f5f70cfae8d17714b46c10a8de219048c9fc09f11f381a6fbe7c1";
    private const string MrTd = "dae67181d3d65e073ad8f95b7907d5e927bfe9761c9ff3e9b89734a45d8954dba41394c7717cb2735396c1d04231f94a";

    [SampleDataFact]
    public void A_td_quote_seeds_mrtd_the_rtmrs_and_the_configuration_registers()
    {
        byte[] quote = SampleData.Read("tdx/gotdx_ccel_cos113_quote_v4.dat");
        EmulatedBackend backend = TsmBackend.Emulated();

        IReadOnlyList<string> seeded = backend.Device(Tdx.Definition).SeedFrom(v => TdQuote.Parse(quote).VisitFields(v));
        using Tdx tdx = Tdx.Open(backend);

        Assert.Equal(
            ["mrconfigid", "mrowner", "mrownerconfig", "mrtd", "rtmr0", "rtmr1", "rtmr2", "rtmr3"],
            seeded.Order(StringComparer.Ordinal));
        Assert.Equal(MrTd, Convert.ToHexStringLower(tdx.MrTd.Read().ToArray()));
        Assert.Equal(Rtmr0, Convert.ToHexStringLower(tdx.Rtmr0.Read().ToArray()));
        Assert.Equal(Rtmr2, Convert.ToHexStringLower(tdx.Rtmr2.Read().ToArray()));
        Assert.Equal(Sha384Digest.Zero, tdx.Rtmr3.Read());
    }
}
