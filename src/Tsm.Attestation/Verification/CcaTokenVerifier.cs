using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using Tsm.Attestation.Cca;

namespace Tsm.Attestation.Verification;

/// <summary>
/// Verifies an Arm CCA attestation token offline (see <see cref="CcaTokenChecks"/>): the realm token's COSE_Sign1
/// signature (RFC 9052 §4.4) with the RAK from its own claims, the binding of that RAK into the platform token's
/// challenge (Arm CCA RMM specification, attestation token), and, when the caller gives the platform attestation key, the
/// platform token's signature. CCA has no certificate chain in the token: which platform key to trust (an endorsement
/// from the platform vendor) is the caller's decision.
/// </summary>
/// <remarks>Immutable and thread-safe; one instance can verify any number of tokens.</remarks>
public sealed class CcaTokenVerifier
{
    private const string NotParsed = "not checked: the token did not parse";

    private readonly byte[]? _platformKey;

    /// <summary>Creates a verifier without a platform attestation key: the platform signature is reported as not checked.</summary>
    public CcaTokenVerifier()
    {
    }

    /// <summary>Creates a verifier that checks the platform token's signature with <paramref name="platformPublicKey"/>.</summary>
    /// <param name="platformPublicKey">The platform attestation key (IAK/CPAK); only its public part is kept, so it may be disposed afterwards.</param>
    public CcaTokenVerifier(ECDsa platformPublicKey)
    {
        ArgumentNullException.ThrowIfNull(platformPublicKey);
        _platformKey = platformPublicKey.ExportSubjectPublicKeyInfo();
    }

    /// <summary>
    /// Verifies <paramref name="token"/> and returns every check with its outcome. Never throws for bad evidence: a malformed
    /// token is a failed <see cref="CcaTokenChecks.Parse"/> check.
    /// </summary>
    /// <param name="token">The encoded token (RSI_ATTESTATION_TOKEN_CONTINUE output, configfs-tsm outblob).</param>
    public VerificationResult Verify(ReadOnlyMemory<byte> token)
    {
        CcaToken parsed;
        try
        {
            parsed = CcaToken.Parse(token);
        }
        catch (ReportFormatException e)
        {
            return new VerificationResult("CCA token", new[]
            {
                Check.Fail(CcaTokenChecks.Parse, e.Message),
                Check.NotChecked(CcaTokenChecks.RealmSignature, NotParsed),
                Check.NotChecked(CcaTokenChecks.RealmKeyBinding, NotParsed),
                Check.NotChecked(CcaTokenChecks.PlatformSignature, NotParsed),
            });
        }

        string format = parsed.Format == CcaTokenFormat.Cmw907 ? "tag 907" : "tag 399";
        var checks = new List<VerificationCheck>(4)
        {
            Check.Pass(CcaTokenChecks.Parse, $"CCA token ({format} collection), platform and realm COSE_Sign1 messages"),
            VerifyRealmSignature(parsed),
            VerifyRealmKeyBinding(parsed),
            VerifyPlatformSignature(parsed),
        };
        return new VerificationResult($"CCA token ({format})", checks);
    }

    private static VerificationCheck VerifyRealmSignature(CcaToken token)
    {
        const string name = CcaTokenChecks.RealmSignature;
        if (!CcaRealmKey.TryImport(token.Realm.PublicKey.Span, out ECDsa? key, out string? form, out string? error))
        {
            return Check.Fail(name, $"the realm public key claim (cca-realm-public-key, {token.Realm.PublicKey.Length} bytes) is unusable: {error}");
        }

        using (key)
        {
            string keyText = $"the RAK from the realm claims ({form}, P-{key.KeySize})";
            return Verify(token.RealmMessage, key, out string? failure)
                ? Check.Pass(name, $"the realm token's COSE_Sign1 signature verifies with {keyText}")
                : Check.Fail(name, $"the realm token's COSE_Sign1 signature does not verify with {keyText}: {failure}");
        }
    }

    private static VerificationCheck VerifyRealmKeyBinding(CcaToken token)
    {
        const string name = CcaTokenChecks.RealmKeyBinding;
        string algorithm = token.Realm.PublicKeyHashAlgorithm;
        MeasurementHash hash = CcaHashAlgorithms.FromClaim(algorithm);
        if (hash == MeasurementHash.None)
        {
            return Check.Fail(name, $"cca-realm-public-key-hash-algo-id is '{algorithm}', none of sha-256, sha-384 and sha-512");
        }

        Span<byte> expected = stackalloc byte[MeasurementHashInfo.DigestSize(hash)];
        MeasurementHashInfo.Compute(hash, token.Realm.PublicKey.Span, expected);
        ReadOnlySpan<byte> challenge = token.Platform.Challenge.Span;
        return challenge.SequenceEqual(expected)
            ? Check.Pass(name, $"the platform challenge is {algorithm}(RAK claim): the platform token vouches for this realm key")
            : Check.Fail(name, $"the platform challenge is {Convert.ToHexString(challenge)}, but {algorithm}(RAK claim) is {Convert.ToHexString(expected)}: the platform did not vouch for this realm key");
    }

    private VerificationCheck VerifyPlatformSignature(CcaToken token)
    {
        const string name = CcaTokenChecks.PlatformSignature;
        if (_platformKey is null)
        {
            return Check.NotChecked(name, "not checked: no platform attestation key (IAK) was given");
        }

        using ECDsa key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_platformKey, out _);
        return Verify(token.PlatformMessage, key, out string? failure)
            ? Check.Pass(name, $"the platform token's COSE_Sign1 signature verifies with the given platform attestation key (P-{key.KeySize})")
            : Check.Fail(name, $"the platform token's COSE_Sign1 signature does not verify with the given platform attestation key (P-{key.KeySize}): {failure}");
    }

    private static bool Verify(CoseSign1Message message, ECDsa key, out string? failure)
    {
        failure = null;
        try
        {
            if (message.VerifyEmbedded(key))
            {
                return true;
            }

            failure = "the token's claims, its protected header or its signature was altered, or it was signed by another key";
            return false;
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException)
        {
            failure = e.Message;
            return false;
        }
    }
}
