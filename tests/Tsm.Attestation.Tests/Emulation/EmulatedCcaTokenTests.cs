using System.Security.Cryptography;
using Tsm.Attestation.Cca;
using Tsm.Attestation.Emulation;
using Tsm.Attestation.Tests.Cca;
using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Emulation;

/// <summary>
/// An emulated attester's CCA token carries the emulated realm's RIM and REMs and the caller's challenge, binds its RAK
/// into the platform challenge, and verifies with the exported IAK.
/// </summary>
public sealed class EmulatedCcaTokenTests : IDisposable
{
    private static readonly byte[] Challenge = SHA256.HashData("verifier nonce"u8);

    private readonly EmulatedBackend _backend = TsmBackend.Emulated();
    private readonly EmulatedAttester _attester;

    public EmulatedCcaTokenTests() => _attester = new EmulatedAttester(_backend);

    public void Dispose() => _attester.Dispose();

    [Fact]
    public void A_token_carries_the_zero_padded_challenge_and_the_current_rim_and_rems()
    {
        using (ArmCca realm = ArmCca.Open(_backend))
        {
            realm.Rem(1).Extend(SHA256.HashData("application"u8));
        }

        CcaToken token = CcaToken.Parse(_attester.CreateCcaToken(Challenge));

        using ArmCca device = ArmCca.Open(_backend);
        Assert.Equal(CcaTokenFormat.Cmw907, token.Format);
        Assert.Equal([.. Challenge, .. new byte[32]], token.Realm.Challenge.ToArray());
        Assert.Equal(device.Rim.Read(), token.RealmMeasurements!.Rim);
        Assert.Equal(Enumerable.Range(0, 4).Select(i => device.Rem(i).Read()), token.RealmMeasurements.Rems);
        Assert.NotEqual(token.RealmMeasurements.Rems[0], token.RealmMeasurements.Rems[1]);
    }

    [Fact]
    public void The_platform_challenge_is_the_sha256_of_the_rak_claim()
    {
        CcaToken token = CcaToken.Parse(_attester.CreateCcaToken(Challenge));

        Assert.Equal("sha-256", token.Realm.PublicKeyHashAlgorithm);
        Assert.Equal(SHA256.HashData(token.Realm.PublicKey.Span), token.Platform.Challenge.ToArray());
    }

    [Fact]
    public void A_token_verifies_end_to_end_with_the_exported_iak()
    {
        using ECDsa iak = ECDsa.Create();
        iak.ImportFromPem(_attester.CcaPlatformPublicKeyPem);

        VerificationResult result = new CcaTokenVerifier(iak).Verify(_attester.CreateCcaToken(Challenge));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Without_an_iak_the_realm_checks_pass_and_the_platform_signature_is_not_checked()
    {
        VerificationResult result = new CcaTokenVerifier().Verify(_attester.CreateCcaToken(Challenge));

        Assert.Equal([CcaTokenChecks.Parse, CcaTokenChecks.RealmSignature, CcaTokenChecks.RealmKeyBinding], result.Checks.Where(c => c.Passed).Select(c => c.Name));
        Assert.Equal(VerificationOutcome.NotChecked, result[CcaTokenChecks.PlatformSignature].Outcome);
        Assert.False(result.IsVerified);
    }

    [Fact]
    public void A_flipped_bit_in_the_realm_challenge_fails_only_the_realm_signature()
    {
        byte[] token = _attester.CreateCcaToken(Challenge);
        int offset = token.AsSpan().IndexOf(Challenge) + 7;
        using ECDsa iak = ECDsa.Create();
        iak.ImportFromPem(_attester.CcaPlatformPublicKeyPem);

        VerificationResult result = new CcaTokenVerifier(iak).Verify(Tsm.Attestation.Tests.Verification.Bytes.WithBitFlipped(token, offset));

        Assert.Equal([CcaTokenChecks.RealmSignature], result.Failures.Select(c => c.Name));
    }

    [Fact]
    public void A_realm_token_moved_under_another_platform_token_fails_the_binding()
    {
        using var other = new EmulatedAttester(TsmBackend.Emulated());
        CcaToken mine = CcaToken.Parse(_attester.CreateCcaToken(Challenge));
        CcaToken theirs = CcaToken.Parse(other.CreateCcaToken(Challenge));
        byte[] spliced = CcaTokenWriter.Collection(CcaTokenFormat.Cmw907, theirs.PlatformMessage.Encode(), mine.RealmMessage.Encode());
        using ECDsa otherIak = ECDsa.Create();
        otherIak.ImportFromPem(other.CcaPlatformPublicKeyPem);

        VerificationResult result = new CcaTokenVerifier(otherIak).Verify(spliced);

        Assert.Equal([CcaTokenChecks.RealmKeyBinding], result.Failures.Select(c => c.Name));
    }

    [Fact]
    public void A_challenge_longer_than_64_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _attester.CreateCcaToken(new byte[65]));
    }
}
