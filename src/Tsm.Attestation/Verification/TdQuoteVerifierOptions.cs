using System;
using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Immutable settings of a <see cref="TdQuoteVerifier"/>: which roots the PCK certificate chain may end in, and the time at
/// which certificate validity periods are checked. Start from <see cref="Default"/> and change it with <c>with</c> or the
/// <c>With…</c> methods.
/// </summary>
public sealed record TdQuoteVerifierOptions
{
    /// <summary>
    /// SHA-256 fingerprint of the production Intel SGX Root CA (self-signed ECDSA P-256, valid 2018-05-21 to 2049-12-31),
    /// the root of every production PCK certificate chain.
    /// </summary>
    public const string IntelSgxRootCaFingerprint = "44A0196B2B99F889B8E149E95B807A350E7424964399E885A7CBB8CCFAB674D3";

    private readonly ImmutableArray<string> _pinnedRootFingerprints = ImmutableArray.Create(IntelSgxRootCaFingerprint);

    /// <summary>
    /// The defaults: only the production Intel SGX Root CA is pinned, certificate validity is checked at the current time.
    /// </summary>
    public static TdQuoteVerifierOptions Default { get; } = new();

    /// <summary>
    /// SHA-256 fingerprints (of the DER certificate) of the roots a PCK chain may end in: 64 hex digits, case and ':'
    /// separators ignored. Defaults to <see cref="IntelSgxRootCaFingerprint"/> alone. Setting it replaces the default, so a
    /// verifier that should also accept production quotes must list <see cref="IntelSgxRootCaFingerprint"/> too. Empty means
    /// no root is trusted and every chain check fails.
    /// </summary>
    /// <exception cref="ArgumentException">A value is not a SHA-256 fingerprint.</exception>
    public ImmutableArray<string> PinnedRootFingerprints
    {
        get => _pinnedRootFingerprints;
        init => _pinnedRootFingerprints = CertificateFingerprint.NormalizeAll(value, nameof(PinnedRootFingerprints));
    }

    /// <summary>
    /// The time at which the validity periods of the PCK chain's certificates are checked; <see langword="null"/> (the
    /// default) means the current time when <see cref="TdQuoteVerifier.Verify"/> runs. Give the time the quote was received
    /// to verify old evidence as of then.
    /// </summary>
    public DateTimeOffset? VerificationTime { get; init; }

    /// <summary>
    /// Opt-in: accept certificates outside their validity period (expired or not yet valid). Off by default. Meant for
    /// archived samples whose certificates have expired; the result's reason says that time validity was not checked.
    /// </summary>
    public bool IgnoreCertificateTimeValidity { get; init; }

    /// <summary>These options with exactly the given roots pinned (replacing the current pins).</summary>
    /// <param name="sha256Fingerprints">SHA-256 fingerprints of the DER root certificates.</param>
    /// <exception cref="ArgumentException">A value is not a SHA-256 fingerprint.</exception>
    public TdQuoteVerifierOptions WithPinnedRoots(params string[] sha256Fingerprints)
    {
        ArgumentNullException.ThrowIfNull(sha256Fingerprints);
        return this with { PinnedRootFingerprints = ImmutableArray.Create(sha256Fingerprints) };
    }

    /// <summary>These options with exactly <paramref name="root"/> pinned (replacing the current pins), by its SHA-256 fingerprint.</summary>
    /// <param name="root">The root certificate; only its fingerprint is kept, so it may be disposed afterwards.</param>
    public TdQuoteVerifierOptions WithPinnedRoot(X509Certificate2 root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return this with { PinnedRootFingerprints = ImmutableArray.Create(CertificateFingerprint.Of(root)) };
    }

    /// <summary>These options with validity periods checked at <paramref name="time"/>.</summary>
    public TdQuoteVerifierOptions WithVerificationTime(DateTimeOffset time) => this with { VerificationTime = time };
}
