using System;
using System.Security.Cryptography;

namespace Tsm.Attestation.Emulation;

/// <summary>
/// Signs SEV-SNP ATTESTATION_REPORTs as the AMD secure processor does (AMD SEV-SNP ABI specification, ATTESTATION_REPORT
/// and its signature format), with a test VCEK made at run time: ECDSA P-384 with SHA-384 over bytes 0x000..0x29F, R and
/// S little-endian in 72-byte fields of SIGNATURE. The VCEK chains to a test ASK and ARK (ECDSA P-384 here, where
/// AMD's ARK and ASK are RSA-4096; the verifiers only check that the chain verifies and which root it ends in).
/// </summary>
internal sealed class EmulatedSnpReportSigner : IDisposable
{
    private const int SignedLength = 0x2A0;
    private const int ScalarSize = 48;
    private const int ComponentSize = 72;

    // The verifier tells a VCEK from a VLEK by "SEV-VCEK" in the common name, as AMD KDS names them.
    private readonly TestCertificateChain _chain = TestCertificateChain.Create(
        ECCurve.NamedCurves.nistP384,
        HashAlgorithmName.SHA384,
        "Tsm emulated test ARK (not AMD)",
        "Tsm emulated test SEV ASK (not AMD)",
        "Tsm emulated test SEV-VCEK (not AMD)");

    /// <summary>The VCEK, then the ASK and the ARK, as PEM: what <c>tsm verify --cert</c> reads.</summary>
    public string CertificateChainPem => _chain.ChainPem;

    /// <summary>The ARK as PEM: the anchor <c>tsm verify --root</c> pins.</summary>
    public string ArkCertificatePem => TestCertificateChain.Pem(_chain.Root);

    /// <summary>A signed report over the current registers of <paramref name="snp"/>, with <paramref name="reportData"/> in REPORT_DATA.</summary>
    public byte[] Report(MeasurementDevice snp, ReadOnlySpan<byte> reportData)
    {
        // The generated Build writes VERSION, SIGNATURE_ALGO = 1 and a signer info of zero (SIGNING_KEY 0 = VCEK).
        byte[] report = SnpReport.Build(snp, reportData);
        Sign(report);
        return report;
    }

    /// <summary>Signs <paramref name="report"/>, an ATTESTATION_REPORT the firmware built, in place with the test VCEK.</summary>
    public void Sign(Span<byte> report)
    {
        Span<byte> p1363 = stackalloc byte[2 * ScalarSize];
        _chain.LeafKey.SignData(report[..SignedLength], p1363, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        Span<byte> signature = report[SignedLength..];
        WriteLittleEndian(p1363[..ScalarSize], signature[..ComponentSize]);
        WriteLittleEndian(p1363[ScalarSize..], signature.Slice(ComponentSize, ComponentSize));
    }

    /// <inheritdoc/>
    public void Dispose() => _chain.Dispose();

    // A big-endian scalar into a zero-filled little-endian field.
    private static void WriteLittleEndian(ReadOnlySpan<byte> bigEndian, Span<byte> field)
    {
        bigEndian.CopyTo(field);
        field[..bigEndian.Length].Reverse();
    }
}
