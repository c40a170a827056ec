using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography.X509Certificates;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Verifies a certificate chain offline, anchored at a self-signed root that came with the evidence, and then requires that
/// root to be pinned by fingerprint. Splitting "does the chain verify" from "is its root one we trust" lets the reason say
/// which of the two went wrong.
/// </summary>
internal static class CertificateChainValidator
{
    /// <summary>What to check the chain against.</summary>
    /// <param name="PinnedRootFingerprints">SHA-256 fingerprints of acceptable roots (normalized).</param>
    /// <param name="VerificationTime">When validity periods are checked; null = now.</param>
    /// <param name="IgnoreTimeValidity">Accept certificates outside their validity period.</param>
    /// <param name="RootDescription">What the pinned root is called in messages, e.g. "Intel SGX Root CA".</param>
    /// <param name="ProductionOwner">Whose production chain the pinned root stands for, e.g. "Intel's", for the message that rejects an emulated test chain.</param>
    public readonly record struct Policy(
        ImmutableArray<string> PinnedRootFingerprints,
        DateTimeOffset? VerificationTime,
        bool IgnoreTimeValidity,
        string RootDescription,
        string ProductionOwner);

    /// <summary>
    /// Builds the chain from <paramref name="leaf"/> through <paramref name="issuers"/> to a self-signed certificate among
    /// <paramref name="issuers"/>, with no network access (no AIA fetching, no revocation), and requires the chain's root to be pinned.
    /// </summary>
    /// <returns>Whether the chain verified and ends in a pinned root; <paramref name="reason"/> says what was checked or what failed.</returns>
    public static bool Validate(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> issuers, Policy policy, out string reason)
    {
        DateTimeOffset at = policy.VerificationTime ?? DateTimeOffset.UtcNow;
        List<X509Certificate2> roots = issuers.Where(IsSelfIssued).ToList();
        if (roots.Count == 0)
        {
            reason = issuers.Count == 0
                ? $"only the leaf {Name(leaf)} is present; the chain carries no issuer or root certificate"
                : $"none of the {issuers.Count} issuer certificate(s) after the leaf is a self-signed root, so the chain carries no root to anchor at";
            return false;
        }

        using var chain = new X509Chain();
        try
        {
            X509ChainPolicy chainPolicy = chain.ChainPolicy;

            // Only the roots the evidence carries are trusted for building; whether they are acceptable is decided below by
            // fingerprint. The machine's trust store is never consulted.
            chainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chainPolicy.CustomTrustStore.AddRange(roots.ToArray());
            chainPolicy.ExtraStore.AddRange(issuers.Where(c => !IsSelfIssued(c)).ToArray());

            // Offline by design: no CRL/OCSP and no fetching of missing issuers from AIA URLs.
            chainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chainPolicy.DisableCertificateDownloads = true;
            chainPolicy.VerificationTime = at.UtcDateTime;
            chainPolicy.VerificationTimeIgnored = false;
            if (policy.IgnoreTimeValidity)
            {
                chainPolicy.VerificationFlags |= X509VerificationFlags.IgnoreNotTimeValid
                    | X509VerificationFlags.IgnoreCtlNotTimeValid
                    | X509VerificationFlags.IgnoreNotTimeNested;
            }

            if (!chain.Build(leaf))
            {
                reason = "the chain does not verify: " + DescribeProblems(chain, at);
                return false;
            }

            X509Certificate2 root = chain.ChainElements[chain.ChainElements.Count - 1].Certificate;
            string fingerprint = CertificateFingerprint.Of(root);
            string path = string.Join(" -> ", chain.ChainElements.Cast<X509ChainElement>().Select(e => Name(e.Certificate)));
            if (!policy.PinnedRootFingerprints.Contains(fingerprint, StringComparer.Ordinal))
            {
                string pinned = policy.PinnedRootFingerprints.IsEmpty ? "none" : string.Join(", ", policy.PinnedRootFingerprints);
                reason = $"the chain {path} verifies, but its root (SHA-256 {fingerprint}) is not a pinned {policy.RootDescription} (pinned: {pinned})";
                if (EmulatedTestChain.IsEmulated(root))
                {
                    reason += ": " + EmulatedTestChain.NotPinnedHint(policy.ProductionOwner);
                }

                return false;
            }

            string time = policy.IgnoreTimeValidity
                ? "validity periods NOT checked (opt-in)"
                : "all certificates valid at " + Format(at);
            reason = $"{path} verifies to the pinned root (SHA-256 {fingerprint}); {time}; revocation not checked (offline)";
            return true;
        }
        finally
        {
            // The chain hands out its own certificate instances; the caller owns leaf and issuers.
            foreach (X509ChainElement element in chain.ChainElements)
            {
                if (!ReferenceEquals(element.Certificate, leaf) && !issuers.Any(i => ReferenceEquals(i, element.Certificate)))
                {
                    element.Certificate.Dispose();
                }
            }
        }
    }

    /// <summary>The subject's common name (or the whole subject when it has none), quoted.</summary>
    public static string Name(X509Certificate2 certificate)
    {
        string simple = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return "'" + (string.IsNullOrEmpty(simple) ? certificate.Subject : simple) + "'";
    }

    private static bool IsSelfIssued(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private static string DescribeProblems(X509Chain chain, DateTimeOffset at)
    {
        var problems = new List<string>();
        foreach (X509ChainElement element in chain.ChainElements)
        {
            foreach (X509ChainStatus status in element.ChainElementStatus)
            {
                if (status.Status != X509ChainStatusFlags.NoError)
                {
                    problems.Add(Describe(element.Certificate, status, at));
                }
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(chain.ChainStatus.Where(s => s.Status != X509ChainStatusFlags.NoError)
                .Select(s => $"{s.Status} ({s.StatusInformation.Trim()})"));
        }

        if (problems.Count == 0)
        {
            problems.Add("the platform chain builder rejected it without a status");
        }

        return string.Join("; ", problems.Distinct(StringComparer.Ordinal));
    }

    private static string Describe(X509Certificate2 certificate, X509ChainStatus status, DateTimeOffset at)
    {
        string detail = status.Status switch
        {
            X509ChainStatusFlags.NotTimeValid =>
                $"not valid at {Format(at)} (valid from {Format(certificate.NotBefore)} to {Format(certificate.NotAfter)})",
            X509ChainStatusFlags.NotSignatureValid => "its signature does not verify with its issuer's key",
            X509ChainStatusFlags.PartialChain => "no path from it to a root the evidence carries",
            _ => status.StatusInformation.Trim(),
        };
        return $"{Name(certificate)}: {status.Status}" + (detail.Length > 0 ? $" ({detail})" : string.Empty);
    }

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Format(DateTime localTime) => Format(new DateTimeOffset(localTime.ToUniversalTime(), TimeSpan.Zero));
}
