using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Verifies a TDX ECDSA quote (version 4 or 5) offline, with nothing but the quote itself and the pinned root: the quote
/// signature, the QE report binding of the attestation key, the QE report signature and the PCK certificate chain
/// (see <see cref="TdQuoteChecks"/>). It does not use Intel PCS collateral (TCB info, QE identity, CRLs), so a verified
/// quote was signed by a genuine Intel platform key, but nothing here says that platform's TCB is up to date or its PCK
/// certificate is not revoked.
/// </summary>
/// <remarks>Immutable and thread-safe; one instance can verify any number of quotes.</remarks>
public sealed class TdQuoteVerifier
{
    private const string NotParsed = "not checked: the quote did not parse";

    /// <summary>Creates a verifier with <see cref="TdQuoteVerifierOptions.Default"/>.</summary>
    public TdQuoteVerifier()
        : this(TdQuoteVerifierOptions.Default)
    {
    }

    /// <summary>Creates a verifier with <paramref name="options"/>.</summary>
    public TdQuoteVerifier(TdQuoteVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>A verifier with the default options: production Intel SGX Root CA pinned, validity checked at the current time.</summary>
    public static TdQuoteVerifier Default { get; } = new();

    /// <summary>The settings this verifier uses.</summary>
    public TdQuoteVerifierOptions Options { get; }

    /// <summary>
    /// Verifies <paramref name="quote"/> and returns every check with its outcome. Never throws for bad evidence: a malformed
    /// quote is a failed <see cref="TdQuoteChecks.Parse"/> check. Bytes after the signature data (device-buffer padding) are
    /// ignored and are not signed.
    /// </summary>
    /// <param name="quote">The quote bytes, e.g. a configfs-tsm outblob.</param>
    public VerificationResult Verify(ReadOnlySpan<byte> quote)
    {
        TdQuote parsed;
        try
        {
            parsed = TdQuote.Parse(quote);
        }
        catch (ReportFormatException e)
        {
            return new VerificationResult("TD quote", new[]
            {
                Check.Fail(TdQuoteChecks.Parse, e.Message),
                Check.NotChecked(TdQuoteChecks.QuoteSignature, NotParsed),
                Check.NotChecked(TdQuoteChecks.QeReportBinding, NotParsed),
                Check.NotChecked(TdQuoteChecks.QeReportSignature, NotParsed),
                Check.NotChecked(TdQuoteChecks.PckCertificateChain, NotParsed),
            });
        }

        TdQuoteSignatureData signatureData = parsed.SignatureData;
        QeReportCertificationData certificationData = signatureData.CertificationData;
        SgxReportBody qeReport = certificationData.QeReport;
        string evidence = parsed.HasBodyType ? $"TD quote v{parsed.Version} (body type {parsed.BodyType})" : $"TD quote v{parsed.Version}";

        var checks = new List<VerificationCheck>(5)
        {
            Check.Pass(TdQuoteChecks.Parse, DescribeLayout(parsed)),

            // The signed part is everything before the signature data length: the header and the body (for v5 also the
            // body type and size that precede the body).
            VerifyQuoteSignature(quote[..parsed.SignatureDataLengthOffset], signatureData.Signature, signatureData.AttestationKey),
            VerifyQeReportBinding(signatureData.AttestationKey, certificationData.QeAuthData, qeReport.ReportData),
        };

        if (!CertificateReader.TryReadPem(certificationData.PckCertChain, out List<X509Certificate2> certificates, out string? chainError))
        {
            checks.Add(Check.NotChecked(TdQuoteChecks.QeReportSignature, "not checked: the PCK leaf certificate is unreadable (see " + TdQuoteChecks.PckCertificateChain + ")"));
            checks.Add(Check.Fail(TdQuoteChecks.PckCertificateChain, "the PCK certificate chain in the quote is unreadable: " + chainError));
            return new VerificationResult(evidence, checks);
        }

        try
        {
            checks.Add(VerifyQeReportSignature(qeReport.Bytes, certificationData.QeReportSignature, certificates[0]));
            checks.Add(VerifyPckChain(certificates));
        }
        finally
        {
            CertificateReader.Dispose(certificates);
        }

        return new VerificationResult(evidence, checks);
    }

    private static string DescribeLayout(TdQuote quote)
    {
        string text = $"TD quote version {quote.Version}, {quote.Length} bytes, signature data {quote.SignatureDataLength} bytes";
        return quote.TrailingBytes.IsEmpty
            ? text
            : text + $"; {quote.TrailingBytes.Length} bytes after the signature data ignored (they are not signed)";
    }

    private static VerificationCheck VerifyQuoteSignature(ReadOnlySpan<byte> signed, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> attestationKey)
    {
        const string name = TdQuoteChecks.QuoteSignature;
        if (!EcdsaKeys.TryImportP256(attestationKey, out ECDsa? key, out string? keyError))
        {
            return Check.Fail(name, "the attestation key is unusable: " + keyError);
        }

        using (key)
        {
            return key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
                ? Check.Pass(name, $"ECDSA P-256/SHA-256 signature over the {signed.Length} signed bytes (header and body) verifies with the attestation key")
                : Check.Fail(name, $"the ECDSA P-256/SHA-256 signature over the {signed.Length} signed bytes (header and body) does not verify with the attestation key: the header, the body, the signature or the key was altered");
        }
    }

    private static VerificationCheck VerifyQeReportBinding(ReadOnlySpan<byte> attestationKey, ReadOnlySpan<byte> qeAuthData, ReadOnlySpan<byte> qeReportData)
    {
        const string name = TdQuoteChecks.QeReportBinding;
        Span<byte> expected = stackalloc byte[32];
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            hash.AppendData(attestationKey);
            hash.AppendData(qeAuthData);
            hash.GetHashAndReset(expected);
        }

        ReadOnlySpan<byte> bound = qeReportData[..32];
        if (!bound.SequenceEqual(expected))
        {
            return Check.Fail(name, $"the QE report's REPORTDATA[0..32] is {Convert.ToHexString(bound)}, but SHA-256(attestation key || {qeAuthData.Length}-byte QE auth data) is {Convert.ToHexString(expected)}: the quoting enclave did not vouch for this attestation key");
        }

        if (qeReportData[32..].IndexOfAnyExcept((byte)0) >= 0)
        {
            return Check.Fail(name, "the QE report's REPORTDATA[32..64] is not all zero");
        }

        return Check.Pass(name, $"the QE report's REPORTDATA is SHA-256(attestation key || {qeAuthData.Length}-byte QE auth data) followed by 32 zero bytes");
    }

    private static VerificationCheck VerifyQeReportSignature(ReadOnlySpan<byte> qeReport, ReadOnlySpan<byte> signature, X509Certificate2 leaf)
    {
        const string name = TdQuoteChecks.QeReportSignature;
        using ECDsa? key = leaf.GetECDsaPublicKey();
        if (key is null)
        {
            return Check.Fail(name, $"the PCK leaf certificate {CertificateChainValidator.Name(leaf)} has no ECDSA public key");
        }

        if (key.KeySize != 256)
        {
            return Check.Fail(name, $"the PCK leaf certificate's key is a {key.KeySize}-bit curve, not P-256");
        }

        return key.VerifyData(qeReport, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? Check.Pass(name, $"ECDSA P-256/SHA-256 signature over the {qeReport.Length}-byte QE report verifies with the key of the PCK leaf certificate {CertificateChainValidator.Name(leaf)}")
            : Check.Fail(name, $"the ECDSA P-256/SHA-256 signature over the {qeReport.Length}-byte QE report does not verify with the key of the PCK leaf certificate {CertificateChainValidator.Name(leaf)}: the QE report, its signature or the leaf certificate was altered");
    }

    private VerificationCheck VerifyPckChain(List<X509Certificate2> certificates)
    {
        var policy = new CertificateChainValidator.Policy(
            Options.PinnedRootFingerprints,
            Options.VerificationTime,
            Options.IgnoreCertificateTimeValidity,
            "Intel SGX root",
            "Intel's");
        bool valid = CertificateChainValidator.Validate(certificates[0], certificates.GetRange(1, certificates.Count - 1), policy, out string reason);
        return valid ? Check.Pass(TdQuoteChecks.PckCertificateChain, reason) : Check.Fail(TdQuoteChecks.PckCertificateChain, reason);
    }
}
