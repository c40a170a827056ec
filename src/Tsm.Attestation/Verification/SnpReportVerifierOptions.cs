using System;
using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Immutable settings of a <see cref="SnpReportVerifier"/>. By default the verifier checks the report against the signing
/// certificate the caller supplies and nothing more; pinning an AMD root key (ARK) adds the
/// <see cref="SnpReportChecks.CertificateChain"/> check.
/// </summary>
public sealed record SnpReportVerifierOptions
{
    private readonly ImmutableArray<string> _pinnedArkFingerprints = ImmutableArray<string>.Empty;

    /// <summary>The defaults: no ARK pinned (no chain check), validity checked at the current time when a chain is checked.</summary>
    public static SnpReportVerifierOptions Default { get; } = new();

    /// <summary>
    /// SHA-256 fingerprints (of the DER certificate) of the AMD root keys (ARK) the signing certificate must chain to: 64 hex
    /// digits, case and ':' separators ignored. Empty (the default) leaves the chain unchecked and the
    /// <see cref="SnpReportChecks.CertificateChain"/> check out of the result; the library ships no ARK fingerprint, so the
    /// caller decides which AMD roots to trust (for example from AMD KDS <c>cert_chain</c> files it has vetted).
    /// </summary>
    /// <exception cref="ArgumentException">A value is not a SHA-256 fingerprint.</exception>
    public ImmutableArray<string> PinnedArkFingerprints
    {
        get => _pinnedArkFingerprints;
        init => _pinnedArkFingerprints = CertificateFingerprint.NormalizeAll(value, nameof(PinnedArkFingerprints));
    }

    /// <summary>
    /// The time at which the chain's validity periods are checked (only with a pinned ARK); <see langword="null"/> (the default)
    /// means the current time when <see cref="SnpReportVerifier.Verify(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> runs.
    /// </summary>
    public DateTimeOffset? VerificationTime { get; init; }

    /// <summary>Opt-in: accept chain certificates outside their validity period. Off by default.</summary>
    public bool IgnoreCertificateTimeValidity { get; init; }

    /// <summary>These options with exactly the given ARKs pinned (replacing the current pins).</summary>
    /// <param name="sha256Fingerprints">SHA-256 fingerprints of the DER ARK certificates.</param>
    /// <exception cref="ArgumentException">A value is not a SHA-256 fingerprint.</exception>
    public SnpReportVerifierOptions WithPinnedArks(params string[] sha256Fingerprints)
    {
        ArgumentNullException.ThrowIfNull(sha256Fingerprints);
        return this with { PinnedArkFingerprints = ImmutableArray.Create(sha256Fingerprints) };
    }

    /// <summary>These options with exactly <paramref name="ark"/> pinned (replacing the current pins), by its SHA-256 fingerprint.</summary>
    /// <param name="ark">The ARK certificate; only its fingerprint is kept.</param>
    public SnpReportVerifierOptions WithPinnedArk(X509Certificate2 ark)
    {
        ArgumentNullException.ThrowIfNull(ark);
        return this with { PinnedArkFingerprints = ImmutableArray.Create(CertificateFingerprint.Of(ark)) };
    }

    /// <summary>These options with validity periods checked at <paramref name="time"/>.</summary>
    public SnpReportVerifierOptions WithVerificationTime(DateTimeOffset time) => this with { VerificationTime = time };
}
