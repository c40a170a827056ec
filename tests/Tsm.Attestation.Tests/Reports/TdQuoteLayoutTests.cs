using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// The structure of every TD quote sample (MANIFEST.md §1 layout notes and §6 caveats): header, v4 or v5 body, the
/// signature data length the parser must honour, the bytes after it, the QE report certification data and the PCK chain;
/// and the signatures MANIFEST.md checked independently, which only hold if every span is cut at the right place.
/// </summary>
public sealed class TdQuoteLayoutTests
{
    private const string IntelQeVendorId = "939a7233f79c4ca9940a0db3957f0607";
    private const string SprE4TrailingText = "\nextra bytes(only for testing purpose)\n";

    /// <summary>File, header version, where the signature data ends (decoded here), trailing bytes (MANIFEST.md §6).</summary>
    public static TheoryData<string, int, int, int> Quotes => new()
    {
        { SampleInventory.SprE4Quote, 4, 4935, 39 },
        { SampleInventory.GoTdxV5Quote, 5, 5006, 0 },
        { SampleInventory.Cos113Quote, 4, 4935, 8000 - 4935 },
        { SampleInventory.TrusteeQuote4, 4, 4936, 0 },
        { SampleInventory.TrusteeQuote5, 5, 5006, 0 },
        { SampleInventory.TrusteeQuote6, 4, 4936, 70 },
        { SampleInventory.AzureTdQuote, 4, 4936, 70 },
        { SampleInventory.CcApiQuote, 4, 4956, 70 },
    };

    public static TheoryData<string> QuoteFiles => new(SampleInventory.TdQuotes);

    public static TheoryData<string, int> QuoteVersions
    {
        get
        {
            var versions = new TheoryData<string, int>();
            foreach (object[] quote in Quotes)
            {
                versions.Add((string)quote[0], (int)quote[1]);
            }

            return versions;
        }
    }

    [SampleDataTheory]
    [MemberData(nameof(Quotes))]
    public void Every_quote_ends_where_its_signature_data_ends_and_keeps_the_bytes_after_it(string file, int version, int end, int trailing)
    {
        byte[] bytes = SampleData.Read(file);
        TdQuote quote = TdQuote.Parse(bytes);

        Assert.Equal(version, quote.Version);
        Assert.Equal(end, quote.Length);
        Assert.Equal(end + trailing, bytes.Length);
        Assert.Equal(trailing, quote.TrailingBytes.Length);
        Assert.True(quote.Bytes.SequenceEqual(bytes.AsSpan(0, end)));
        Assert.Equal(end, quote.SignatureDataOffset + (int)quote.SignatureDataLength);
        Assert.Equal((int)quote.SignatureDataLength, quote.SignatureData.Length);
        if (file == SampleInventory.SprE4Quote)
        {
            Assert.Equal(SprE4TrailingText, System.Text.Encoding.ASCII.GetString(quote.TrailingBytes));
        }
        else
        {
            Assert.Equal(Hex.Zeros(trailing), Hex.Of(quote.TrailingBytes));
        }
    }

    [SampleDataTheory]
    [MemberData(nameof(QuoteVersions))]
    public void Every_quote_has_the_header_and_body_of_its_version(string file, int version)
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(file));
        TdQuoteBody body = quote.Body;

        Assert.Equal(2, quote.AttestationKeyType);
        Assert.Equal(0x81u, quote.TeeType);
        Assert.Equal(IntelQeVendorId, Hex.Of(quote.QeVendorId));
        Assert.True(quote.HasBody);
        if (version == 4)
        {
            Assert.False(quote.HasBodyType);
            Assert.Null(quote.BodyType);
            Assert.Null(quote.BodySize);
            Assert.Equal(48, quote.BodyOffset);
            Assert.Equal(2, body.LayoutVersion);
            Assert.Equal(584, body.Length);
            Assert.False(body.HasTeeTcbSvn2);
            Assert.Null(body.MrServiceTd);
        }
        else
        {
            // Body type 3 = TDX 1.5, 648 bytes (go-tdx-guest abi/abi_test.go:70-88).
            Assert.Equal((ushort)3, quote.BodyType);
            Assert.Equal(648u, quote.BodySize);
            Assert.Equal(54, quote.BodyOffset);
            Assert.Equal(3, body.LayoutVersion);
            Assert.Equal(648, body.Length);
            Assert.True(body.HasTeeTcbSvn2);
            Assert.True(body.HasMrServiceTd);
        }

        Assert.Equal(quote.BodyOffset + body.Length, quote.SignatureDataLengthOffset);
    }

    [SampleDataTheory]
    [MemberData(nameof(QuoteFiles))]
    public void Every_quote_carries_a_qe_report_and_a_chain_of_three_pem_certificates(string file)
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(file));
        TdQuoteSignatureData signature = quote.SignatureData;
        QeReportCertificationData certification = signature.CertificationData;

        Assert.Equal(6, signature.CertificationDataType);
        Assert.Equal(signature.Length - TdQuoteSignatureData.MinimumSize, (int)signature.CertificationDataSize);
        Assert.Equal((int)signature.CertificationDataSize, certification.Length);
        Assert.Equal(5, certification.PckCertDataType);
        Assert.Equal(32, certification.QeAuthDataSize);
        Assert.Equal(certification.Length, certification.PckCertChain.Length + certification.PckCertDataSizeOffset + 4);
        Assert.Equal((int)certification.PckCertDataSize, certification.PckCertChain.Length);

        var chain = new PckCertificateChain(certification.PckCertChain);
        Assert.Equal(3, chain.PemBlockCount);
        Assert.Equal(3, chain.Certificates.Count);
        Assert.Contains("CN=Intel SGX PCK Certificate", chain.Leaf.Subject, StringComparison.Ordinal);
        Assert.Contains("CN=Intel SGX PCK Platform CA", chain.Leaf.Issuer, StringComparison.Ordinal);
        Assert.Contains("CN=Intel SGX Root CA", chain.Certificates[2].Subject, StringComparison.Ordinal);
    }

    [SampleDataTheory]
    [MemberData(nameof(QuoteFiles))]
    public void Every_quote_signature_verifies_with_its_attestation_key_as_checked_independently(string file)
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(file));
        TdQuoteSignatureData signature = quote.SignatureData;

        using ECDsa attestationKey = P256(signature.AttestationKey);

        Assert.True(attestationKey.VerifyData(
            quote.Bytes[..quote.SignatureDataLengthOffset], signature.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [SampleDataTheory]
    [MemberData(nameof(QuoteFiles))]
    public void Every_qe_report_binds_the_attestation_key_and_is_signed_by_the_pck_leaf(string file)
    {
        TdQuoteSignatureData signature = TdQuote.Parse(SampleData.Read(file)).SignatureData;
        QeReportCertificationData certification = signature.CertificationData;
        SgxReportBody qeReport = certification.QeReport;

        byte[] binding = SHA256.HashData([.. signature.AttestationKey, .. certification.QeAuthData]);
        Assert.Equal(Hex.ZeroPadded(Hex.Of(binding), 64), Hex.Of(qeReport.ReportData));

        using ECDsa pck = new PckCertificateChain(certification.PckCertChain).Leaf.GetECDsaPublicKey()!;
        Assert.True(pck.VerifyData(
            qeReport.Bytes, certification.QeReportSignature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    private static ECDsa P256(ReadOnlySpan<byte> publicKey) => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = publicKey[..32].ToArray(), Y = publicKey[32..].ToArray() },
    });
}
