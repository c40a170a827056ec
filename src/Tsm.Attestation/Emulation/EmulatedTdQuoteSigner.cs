using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Tsm.Attestation.Emulation;

/// <summary>
/// Makes TD quotes version 4 the way Intel's quoting enclave does (Intel DCAP <c>sgx_quote_4.h</c>, the TDX DCAP quote
/// layout), with keys made at run time in place of the QE's and the platform's: an ECDSA P-256 attestation key signs
/// header and body; a QE report (an SGX report body) binds that key in its REPORTDATA; a test PCK leaf signs the QE
/// report; the PCK chain (leaf, platform CA, root) travels in the quote as PEM.
/// </summary>
internal sealed class EmulatedTdQuoteSigner : IDisposable
{
    private const int HeaderSize = 48;
    private const ushort QuoteVersion = 4;
    private const ushort EcdsaP256AttestationKey = 2;
    private const uint TdxTeeType = 0x81;

    // Certification data types of DCAP's sgx_ql_certification_data_t: 6 = QE report certification data, inside it
    // 5 = the PCK certificate chain as concatenated PEM.
    private const ushort QeReportCertificationDataType = 6;
    private const ushort PckCertChainType = 5;

    private const int SgxReportBodySize = 384;
    private const int SgxReportDataOffset = 320;
    private const int EcdsaP256SignatureSize = 64;

    // Intel's QE vendor id, 939a7233-f79c-4ca9-940a-0db3957f0607, in the byte order production quotes carry it.
    private static readonly byte[] IntelQeVendorId = Convert.FromHexString("939A7233F79C4CA9940A0DB3957F0607");

    // The QE authentication data: 32 bytes, the size production quotes carry; bound into the QE report with the key.
    private static readonly byte[] QeAuthData = CreateQeAuthData();

    private readonly ECDsa _attestationKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly TestCertificateChain _pckChain = TestCertificateChain.Create(
        ECCurve.NamedCurves.nistP256,
        HashAlgorithmName.SHA256,
        "Tsm emulated test SGX Root CA (not Intel)",
        "Tsm emulated test SGX PCK Platform CA (not Intel)",
        "Tsm emulated test SGX PCK Certificate (not Intel)");

    /// <summary>The PCK chain's root, as PEM: the anchor <c>tsm verify --root</c> pins.</summary>
    public string RootCertificatePem => TestCertificateChain.Pem(_pckChain.Root);

    /// <summary>A TD quote v4 over the current registers of <paramref name="tdx"/>, with <paramref name="reportData"/> in REPORTDATA.</summary>
    public byte[] Quote(MeasurementDevice tdx, ReadOnlySpan<byte> reportData) => Quote(TdQuoteBody.Build(tdx, reportData, version: 2));

    /// <summary>A TD quote v4 around <paramref name="body"/>, a TD quote body as the TDX module reports it.</summary>
    public byte[] Quote(ReadOnlySpan<byte> body)
    {
        byte[] signatureData = SignatureData();
        byte[] quote = new byte[HeaderSize + body.Length + sizeof(uint) + signatureData.Length];
        Span<byte> header = quote.AsSpan(0, HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header, QuoteVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], EcdsaP256AttestationKey);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], TdxTeeType);
        IntelQeVendorId.CopyTo(header[12..]);
        body.CopyTo(quote.AsSpan(HeaderSize));
        int lengthOffset = HeaderSize + body.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(quote.AsSpan(lengthOffset), (uint)signatureData.Length);
        signatureData.CopyTo(quote.AsSpan(lengthOffset + sizeof(uint)));

        // The quote signature covers the header and the body, everything before the signature data length.
        _attestationKey.SignData(quote.AsSpan(0, lengthOffset), quote.AsSpan(lengthOffset + sizeof(uint), EcdsaP256SignatureSize), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return quote;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _attestationKey.Dispose();
        _pckChain.Dispose();
    }

    /// <summary>
    /// The signature data with room for the quote signature at 0: attestation key (x ‖ y) at 64, then certification
    /// data type 6 holding the QE report, its signature, the QE auth data and the PCK chain (type 5).
    /// </summary>
    private byte[] SignatureData()
    {
        byte[] attestationKey = AttestationPublicKey();
        byte[] pem = Encoding.ASCII.GetBytes(_pckChain.ChainPem);
        int certificationSize = SgxReportBodySize + EcdsaP256SignatureSize + sizeof(ushort) + QeAuthData.Length + sizeof(ushort) + sizeof(uint) + pem.Length;
        byte[] data = new byte[EcdsaP256SignatureSize + attestationKey.Length + sizeof(ushort) + sizeof(uint) + certificationSize];
        attestationKey.CopyTo(data.AsSpan(EcdsaP256SignatureSize));
        int at = EcdsaP256SignatureSize + attestationKey.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), QeReportCertificationDataType);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at + sizeof(ushort)), (uint)certificationSize);
        at += sizeof(ushort) + sizeof(uint);

        Span<byte> qeReport = data.AsSpan(at, SgxReportBodySize);
        BindAttestationKey(attestationKey, qeReport.Slice(SgxReportDataOffset, 64));
        _pckChain.LeafKey.SignData(qeReport, data.AsSpan(at + SgxReportBodySize, EcdsaP256SignatureSize), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        at += SgxReportBodySize + EcdsaP256SignatureSize;

        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), (ushort)QeAuthData.Length);
        QeAuthData.CopyTo(data.AsSpan(at + sizeof(ushort)));
        at += sizeof(ushort) + QeAuthData.Length;
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(at), PckCertChainType);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(at + sizeof(ushort)), (uint)pem.Length);
        pem.CopyTo(data.AsSpan(at + sizeof(ushort) + sizeof(uint)));
        return data;
    }

    /// <summary>The QE's vouching for the key: REPORTDATA = SHA-256(attestation key ‖ QE auth data) ‖ 32 zero bytes.</summary>
    private static void BindAttestationKey(ReadOnlySpan<byte> attestationKey, Span<byte> reportData)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(attestationKey);
        hash.AppendData(QeAuthData);
        hash.GetHashAndReset(reportData[..32]);
    }

    private byte[] AttestationPublicKey()
    {
        ECParameters parameters = _attestationKey.ExportParameters(includePrivateParameters: false);
        return [.. parameters.Q.X!, .. parameters.Q.Y!];
    }

    private static byte[] CreateQeAuthData()
    {
        byte[] data = new byte[32];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)i;
        }

        return data;
    }
}
