using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// Each SNP report's signature verifies with the VCEK/VLEK its project ships (stated by every source, MANIFEST.md §3):
/// ECDSA P-384/SHA-384 over bytes 0x000-0x29F, R and S little-endian in 72-byte fields at 0x2A0. This holds only if the
/// parser's <c>Signature</c> and <c>Bytes</c> are exactly the report's.
/// </summary>
public sealed class SnpReportSignatureTests
{
    private const int SignedLength = 0x2A0;
    private const int ComponentField = 72;
    private const int ComponentSize = 48;

    public static TheoryData<string> Reports => new(SampleInventory.SnpReports);

    [SampleDataTheory]
    [MemberData(nameof(Reports))]
    public void Every_report_is_signed_by_the_key_its_project_ships(string file)
    {
        SnpReport report = SnpReport.Parse(SampleData.Read(file));
        using X509Certificate2 certificate = LoadCertificate(SampleInventory.SnpSigningCertificates[file]);
        using ECDsa key = certificate.GetECDsaPublicKey()!;

        Assert.Equal(SignedLength, report.SignatureOffset);
        Assert.True(key.VerifyData(report.Bytes[..SignedLength], IeeeP1363(report.Signature), HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [SampleDataFact]
    public void A_report_with_one_flipped_bit_no_longer_verifies()
    {
        // virtee/sev tests/certs.rs:95-112 flips bit 7 of byte 21.
        byte[] bytes = SampleData.Read(SampleInventory.VirteeMilanReport);
        bytes[21] ^= 0x80;
        SnpReport report = SnpReport.Parse(bytes);
        using X509Certificate2 certificate = LoadCertificate(SampleInventory.SnpSigningCertificates[SampleInventory.VirteeMilanReport]);
        using ECDsa key = certificate.GetECDsaPublicKey()!;

        Assert.False(key.VerifyData(report.Bytes[..SignedLength], IeeeP1363(report.Signature), HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    private static X509Certificate2 LoadCertificate(string file) => file.EndsWith(".pem", StringComparison.Ordinal)
        ? X509Certificate2.CreateFromPem(File.ReadAllText(SampleData.PathOf(file)))
        : X509CertificateLoader.LoadCertificate(SampleData.Read(file));

    private static byte[] IeeeP1363(ReadOnlySpan<byte> signature)
    {
        byte[] rs = new byte[2 * ComponentSize];
        BigEndian(signature[..ComponentField], rs.AsSpan(0, ComponentSize));
        BigEndian(signature.Slice(ComponentField, ComponentField), rs.AsSpan(ComponentSize));
        return rs;
    }

    private static void BigEndian(ReadOnlySpan<byte> littleEndian, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = littleEndian[destination.Length - 1 - i];
        }
    }
}
