namespace Tsm.Attestation.Verification;

/// <summary>
/// The names of the checks <see cref="SnpReportVerifier"/> makes, in the order it makes them. Every result holds the first five;
/// <see cref="CertificateChain"/> is there only when <see cref="SnpReportVerifierOptions.PinnedArkFingerprints"/> is not empty.
/// </summary>
public static class SnpReportChecks
{
    /// <summary>The bytes are a 1184-byte ATTESTATION_REPORT (version 2 to 5) the <see cref="SnpReport"/> parser accepts.</summary>
    public const string Parse = "parse";

    /// <summary>The caller's signing certificate is a readable X.509 certificate with an ECDSA P-384 public key.</summary>
    public const string Certificate = "certificate";

    /// <summary>SIGNATURE_ALGO is 1 (ECDSA P-384 with SHA-384), the only algorithm this verifier knows.</summary>
    public const string SignatureAlgorithm = "signature-algorithm";

    /// <summary>
    /// The report's SIGNING_KEY (signer info bits 2-4: 0 = VCEK, 1 = VLEK) names the kind of key the certificate holds, told
    /// from its subject common name ("SEV-VCEK" or "SEV-VLEK"). A Tsm emulated test VCEK fails this check unless an ARK is
    /// pinned (then <see cref="CertificateChain"/> decides whether its test ARK is trusted).
    /// </summary>
    public const string SigningKey = "signing-key";

    /// <summary>
    /// The ECDSA P-384/SHA-384 signature (R and S little-endian in the SIGNATURE field, the rest zero) over bytes 0x000..0x29F
    /// verifies with the certificate's public key.
    /// </summary>
    public const string Signature = "signature";

    /// <summary>
    /// Optional: the signing certificate chains, offline, through the issuer certificates given with it (ASK or ASVK) to an
    /// AMD root key (ARK) whose fingerprint is pinned in <see cref="SnpReportVerifierOptions.PinnedArkFingerprints"/>.
    /// </summary>
    public const string CertificateChain = "certificate-chain";
}
