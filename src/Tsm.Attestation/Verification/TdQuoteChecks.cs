namespace Tsm.Attestation.Verification;

/// <summary>
/// The names of the checks <see cref="TdQuoteVerifier"/> makes, in the order it makes them. Every result holds all five.
/// </summary>
public static class TdQuoteChecks
{
    /// <summary>The bytes are a TD quote (version 4 or 5) the <see cref="TdQuote"/> parser accepts.</summary>
    public const string Parse = "parse";

    /// <summary>The ECDSA P-256/SHA-256 signature in the signature data verifies over the signed part of the quote (header, body) with the attestation key.</summary>
    public const string QuoteSignature = "quote-signature";

    /// <summary>The QE report's REPORTDATA is SHA-256(attestation key ‖ QE authentication data) followed by 32 zero bytes: the quoting enclave vouches for the attestation key.</summary>
    public const string QeReportBinding = "qe-report-binding";

    /// <summary>The ECDSA P-256/SHA-256 signature over the 384-byte QE report verifies with the public key of the PCK leaf certificate.</summary>
    public const string QeReportSignature = "qe-report-signature";

    /// <summary>The PCK certificate chain the quote carries verifies from the leaf up to the root it carries, and that root is pinned.</summary>
    public const string PckCertificateChain = "pck-certificate-chain";
}
