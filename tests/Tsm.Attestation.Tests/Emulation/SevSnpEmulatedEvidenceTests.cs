using System.Security.Cryptography;

namespace Tsm.Attestation.Tests.Emulation;

/// <summary>
/// An SNP attestation report built from an emulated SEV-SNP device's registers parses back to those registers, with the
/// report data given and the fields of the requested version.
/// </summary>
public sealed class SevSnpEmulatedEvidenceTests
{
    private static readonly byte[] Measurement = SHA384.HashData("emulated launch digest"u8);
    private static readonly byte[] HostData = SHA256.HashData("host data"u8);
    private static readonly byte[] IdKeyDigest = SHA384.HashData("id key"u8);
    private static readonly byte[] AuthorKeyDigest = SHA384.HashData("author key"u8);
    private static readonly byte[] ReportData = SHA512.HashData("nonce from the verifier"u8);

    [Fact]
    public void A_built_report_carries_the_seeded_launch_values_and_the_report_data()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        EmulatedDevice device = backend.Device(SevSnp.Definition);
        device.SetValue("measurement", Measurement);
        device.SetValue("hostdata", HostData);
        device.SetValue("idkeydigest", IdKeyDigest);
        device.SetValue("authorkeydigest", AuthorKeyDigest);
        using SevSnp snp = SevSnp.Open(backend);

        SnpReport report = SnpReport.Parse(SnpReport.Build(snp, ReportData));

        Assert.True(report.Measurement == snp.Measurement.Read());
        Assert.True(report.HostData == snp.HostData.Read());
        Assert.True(report.IdKeyDigest == snp.IdKeyDigest.Read());
        Assert.True(report.AuthorKeyDigest == snp.AuthorKeyDigest.Read());
        Assert.Equal(Convert.ToHexStringLower(Measurement), report.Measurement.ToString());
        Assert.Equal(Convert.ToHexStringLower(HostData), report.HostData.ToString());
        Assert.Equal(Convert.ToHexStringLower(IdKeyDigest), report.IdKeyDigest.ToString());
        Assert.Equal(Convert.ToHexStringLower(AuthorKeyDigest), report.AuthorKeyDigest.ToString());
        Assert.Equal(ReportData, report.ReportData.ToArray());
        Assert.Equal(1u, report.SignatureAlgo);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_built_report_has_the_fields_of_the_requested_version(int version)
    {
        using SevSnp snp = SevSnp.Open(TsmBackend.Emulated());

        SnpReport report = SnpReport.Parse(SnpReport.Build(snp, ReportData, version));

        Assert.Equal((uint)version, report.Version);
        Assert.Equal(version >= 3, report.HasCpuidFamId);
        Assert.Equal(version == 5, report.HasLaunchMitVector);
        Assert.Equal(version == 5, report.CurrentMitVector.HasValue);
    }

    [Fact]
    public void A_report_of_an_unknown_version_cannot_be_built()
    {
        using SevSnp snp = SevSnp.Open(TsmBackend.Emulated());

        Assert.Throws<ArgumentOutOfRangeException>(() => SnpReport.Build(snp, ReportData, 6));
    }
}
