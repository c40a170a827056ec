using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Verifies an AMD SEV-SNP ATTESTATION_REPORT offline against a VCEK or VLEK certificate the caller supplies (see
/// <see cref="SnpReportChecks"/>). Without a pinned ARK (<see cref="SnpReportVerifierOptions.PinnedArkFingerprints"/>) a verified
/// report means "signed by the key in this certificate" only: where the certificate came from is the caller's business.
/// AMD KDS collateral (CRLs, fetching certificates) is never used.
/// </summary>
/// <remarks>Immutable and thread-safe; one instance can verify any number of reports.</remarks>
public sealed class SnpReportVerifier
{
    /// <summary>Where the signature sits and what it covers: bytes 0x000..0x29F.</summary>
    private const int SignedLength = 0x2A0;

    /// <summary>SIGNATURE_ALGO's offset (AMD SEV-SNP ABI specification, ATTESTATION_REPORT; go-sev-guest abi/abi.go), the same in report versions 2 to 5.</summary>
    private const int SignatureAlgoOffset = 0x34;

    private const uint EcdsaP384Sha384 = 1;

    private const string NotParsed = "not checked: the report did not parse";

    /// <summary>Creates a verifier with <see cref="SnpReportVerifierOptions.Default"/>.</summary>
    public SnpReportVerifier()
        : this(SnpReportVerifierOptions.Default)
    {
    }

    /// <summary>Creates a verifier with <paramref name="options"/>.</summary>
    public SnpReportVerifier(SnpReportVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>A verifier with the default options (no ARK pinned, so no chain check).</summary>
    public static SnpReportVerifier Default { get; } = new();

    /// <summary>The settings this verifier uses.</summary>
    public SnpReportVerifierOptions Options { get; }

    /// <summary>
    /// Verifies <paramref name="report"/> with the certificate(s) in <paramref name="certificates"/>: one DER certificate, or
    /// PEM with one or more certificates. The first certificate is the signing certificate (VCEK or VLEK); any further ones
    /// (ASK or ASVK, then ARK, as in AMD KDS <c>cert_chain</c> files and Azure's <c>vcek.pem</c>) are only used for the
    /// optional chain check. Never throws for bad evidence or an unreadable certificate; those are failed checks.
    /// </summary>
    /// <param name="report">The 1184-byte report (configfs-tsm outblob, or the SNP_GET_REPORT response without its 32-byte header).</param>
    /// <param name="certificates">The signing certificate, DER or PEM, optionally followed (PEM only) by its issuers.</param>
    public VerificationResult Verify(ReadOnlySpan<byte> report, ReadOnlySpan<byte> certificates)
    {
        if (!CertificateReader.TryReadDerOrPem(certificates, out List<X509Certificate2> read, out string? error))
        {
            return Verify(report, signingCertificate: null, Array.Empty<X509Certificate2>(), "the certificate is unreadable: " + error);
        }

        try
        {
            return Verify(report, read[0], read.GetRange(1, read.Count - 1), certificateError: null);
        }
        finally
        {
            CertificateReader.Dispose(read);
        }
    }

    /// <summary>
    /// Verifies <paramref name="report"/> with <paramref name="signingCertificate"/> (VCEK or VLEK). <paramref name="issuers"/>
    /// (ASK or ASVK, and ARK) are only used for the optional chain check. Never throws for bad evidence.
    /// </summary>
    /// <param name="report">The 1184-byte report.</param>
    /// <param name="signingCertificate">The VCEK or VLEK certificate; not disposed.</param>
    /// <param name="issuers">Its issuer certificates for the chain check, or <see langword="null"/>; not disposed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signingCertificate"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="issuers"/> contains null.</exception>
    public VerificationResult Verify(ReadOnlySpan<byte> report, X509Certificate2 signingCertificate, IEnumerable<X509Certificate2>? issuers = null)
    {
        ArgumentNullException.ThrowIfNull(signingCertificate);
        List<X509Certificate2> issuerList = issuers?.ToList() ?? new List<X509Certificate2>();
        if (issuerList.Any(i => i is null))
        {
            throw new ArgumentException("The issuer certificates cannot include null.", nameof(issuers));
        }

        return Verify(report, signingCertificate, issuerList, certificateError: null);
    }

    private VerificationResult Verify(ReadOnlySpan<byte> report, X509Certificate2? signingCertificate, IReadOnlyList<X509Certificate2> issuers, string? certificateError)
    {
        bool checkChain = !Options.PinnedArkFingerprints.IsEmpty;
        var checks = new List<VerificationCheck>(6);

        SnpReport parsed;
        try
        {
            parsed = SnpReport.Parse(report);
        }
        catch (ReportFormatException e)
        {
            checks.Add(Check.Fail(SnpReportChecks.Parse, e.Message));
            checks.Add(CheckCertificate(signingCertificate, certificateError, out ECDsa? unused));
            unused?.Dispose();

            // SIGNATURE_ALGO sits at the same offset in every report version, so it can still be named when the parse failed
            // (the parser may have rejected the report for exactly this field).
            checks.Add(report.Length >= SignatureAlgoOffset + sizeof(uint)
                ? CheckSignatureAlgorithm(BinaryPrimitives.ReadUInt32LittleEndian(report.Slice(SignatureAlgoOffset, sizeof(uint))))
                : Check.NotChecked(SnpReportChecks.SignatureAlgorithm, NotParsed));
            checks.Add(Check.NotChecked(SnpReportChecks.SigningKey, NotParsed));
            checks.Add(Check.NotChecked(SnpReportChecks.Signature, NotParsed));
            if (checkChain)
            {
                checks.Add(VerifyChain(signingCertificate, issuers));
            }

            return new VerificationResult("SEV-SNP report", checks);
        }

        checks.Add(Check.Pass(SnpReportChecks.Parse, $"SEV-SNP ATTESTATION_REPORT version {parsed.Version}, {parsed.Length} bytes"));
        VerificationCheck certificateCheck = CheckCertificate(signingCertificate, certificateError, out ECDsa? key);
        using (key)
        {
            checks.Add(certificateCheck);
            checks.Add(CheckSignatureAlgorithm(parsed.SignatureAlgo));
            checks.Add(CheckSigningKey(parsed.SignerInfo.SigningKey, signingCertificate, certificateCheck.Passed, checkChain));
            checks.Add(VerifySignature(report[..SignedLength], parsed.Signature, key, parsed.SignatureAlgo));
        }

        if (checkChain)
        {
            checks.Add(VerifyChain(signingCertificate, issuers));
        }

        return new VerificationResult($"SEV-SNP report v{parsed.Version}", checks);
    }

    private static VerificationCheck CheckCertificate(X509Certificate2? certificate, string? error, out ECDsa? key)
    {
        const string name = SnpReportChecks.Certificate;
        key = null;
        if (certificate is null)
        {
            return Check.Fail(name, error ?? "no certificate was given");
        }

        ECDsa? candidate;
        try
        {
            candidate = certificate.GetECDsaPublicKey();
        }
        catch (CryptographicException e)
        {
            return Check.Fail(name, $"the public key of {CertificateChainValidator.Name(certificate)} is unreadable: {e.Message}");
        }

        if (candidate is null)
        {
            return Check.Fail(name, $"{CertificateChainValidator.Name(certificate)} has no ECDSA public key (a VCEK or VLEK has an ECDSA P-384 key)");
        }

        if (candidate.KeySize != 384)
        {
            int size = candidate.KeySize;
            candidate.Dispose();
            return Check.Fail(name, $"{CertificateChainValidator.Name(certificate)} has a {size}-bit ECDSA key, not P-384");
        }

        key = candidate;
        return Check.Pass(name, $"{CertificateChainValidator.Name(certificate)} (issued by '{certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: true)}') has an ECDSA P-384 public key");
    }

    private static VerificationCheck CheckSignatureAlgorithm(uint algorithm) => algorithm == EcdsaP384Sha384
        ? Check.Pass(SnpReportChecks.SignatureAlgorithm, "SIGNATURE_ALGO is 1 (ECDSA P-384 with SHA-384)")
        : Check.Fail(SnpReportChecks.SignatureAlgorithm, $"SIGNATURE_ALGO is {algorithm}; only 1 (ECDSA P-384 with SHA-384) is defined");

    private static VerificationCheck CheckSigningKey(ulong signingKey, X509Certificate2? certificate, bool certificateUsable, bool chainChecked)
    {
        const string name = SnpReportChecks.SigningKey;
        string? reportKind = signingKey switch
        {
            0 => "VCEK",
            1 => "VLEK",
            _ => null,
        };
        if (reportKind is null)
        {
            return Check.Fail(name, signingKey == 7
                ? "SIGNING_KEY is 7: the firmware did not sign this report"
                : $"SIGNING_KEY is {signingKey}, a reserved value (0 = VCEK, 1 = VLEK)");
        }

        if (certificate is null || !certificateUsable)
        {
            return Check.NotChecked(name, $"not checked: the report says it is signed with a {reportKind}, but the certificate is unusable (see {SnpReportChecks.Certificate})");
        }

        string commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

        // Without a pinned ARK nothing else would tell an emulator's test VCEK from AMD's, so it is refused here; with one
        // pinned, the chain check decides.
        if (!chainChecked && EmulatedTestChain.IsEmulated(certificate))
        {
            return Check.Fail(name, $"the certificate '{commonName}' is a Tsm emulated test VCEK, not AMD's; pin its ARK with --root to accept it");
        }

        string? certificateKind =
            commonName.Contains("SEV-VCEK", StringComparison.Ordinal) ? "VCEK"
            : commonName.Contains("SEV-VLEK", StringComparison.Ordinal) ? "VLEK"
            : null;
        if (certificateKind is null)
        {
            return Check.Fail(name, $"the report says it is signed with a {reportKind}, but the certificate's common name '{commonName}' names neither SEV-VCEK nor SEV-VLEK, so it is not an AMD signing-key certificate");
        }

        return certificateKind == reportKind
            ? Check.Pass(name, $"SIGNING_KEY is {signingKey} ({reportKind}) and the certificate is a {certificateKind} ('{commonName}')")
            : Check.Fail(name, $"SIGNING_KEY is {signingKey} ({reportKind}), but the certificate is a {certificateKind} ('{commonName}')");
    }

    private static VerificationCheck VerifySignature(ReadOnlySpan<byte> signed, ReadOnlySpan<byte> signatureField, ECDsa? key, uint algorithm)
    {
        const string name = SnpReportChecks.Signature;
        if (algorithm != EcdsaP384Sha384)
        {
            return Check.NotChecked(name, $"not checked: SIGNATURE_ALGO {algorithm} is not ECDSA P-384 (see {SnpReportChecks.SignatureAlgorithm})");
        }

        if (key is null)
        {
            return Check.NotChecked(name, $"not checked: no usable public key (see {SnpReportChecks.Certificate})");
        }

        Span<byte> p1363 = stackalloc byte[2 * SnpSignature.ScalarSize];
        if (!SnpSignature.TryToP1363(signatureField, p1363, out string? error))
        {
            return Check.Fail(name, "the SIGNATURE field is malformed: " + error);
        }

        return key.VerifyData(signed, p1363, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? Check.Pass(name, $"ECDSA P-384/SHA-384 signature over bytes 0x000..0x{signed.Length - 1:X} verifies with the certificate's key")
            : Check.Fail(name, $"the ECDSA P-384/SHA-384 signature over bytes 0x000..0x{signed.Length - 1:X} does not verify with the certificate's key: the report was altered or the certificate is not the one that signed it");
    }

    private VerificationCheck VerifyChain(X509Certificate2? signingCertificate, IReadOnlyList<X509Certificate2> issuers)
    {
        const string name = SnpReportChecks.CertificateChain;
        if (signingCertificate is null)
        {
            return Check.NotChecked(name, $"not checked: no readable signing certificate (see {SnpReportChecks.Certificate})");
        }

        if (issuers.Count == 0)
        {
            return Check.Fail(name, "an ARK is pinned, but no issuer certificates (ASK or ASVK, and ARK) were given with the signing certificate");
        }

        var policy = new CertificateChainValidator.Policy(
            Options.PinnedArkFingerprints,
            Options.VerificationTime,
            Options.IgnoreCertificateTimeValidity,
            "AMD root key (ARK)",
            "AMD's");
        return CertificateChainValidator.Validate(signingCertificate, issuers, policy, out string reason)
            ? Check.Pass(name, reason)
            : Check.Fail(name, reason);
    }
}
