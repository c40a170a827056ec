using System.Buffers.Text;
using System.Security.Cryptography;
using Tsm.Attestation.Tests.Infrastructure;
using Tsm.Attestation.Verification;

namespace Tsm.Attestation.Tests.Verification;

/// <summary>
/// <see cref="CcaTokenVerifier"/> on the shared CCA tokens: every realm token verifies with the RAK from its own claims,
/// every platform challenge binds that RAK, and the veraison tokens' platform signatures verify with the project's
/// published test IAK. The other platform keys (TF-RMM's CPAK, trustee's) are not in the shared data.
/// </summary>
public sealed class CcaTokenVerifierTests
{
    public static TheoryData<string> SampleTokens => new()
    {
        "cca/trustee_cca-example-token.cbor",
        "cca/veraison_ccatoken_testGoodCCAToken.cbor",
        "cca/veraison_ccatoken_testGoodLegacyCCAToken.cbor",
        "cca/veraison_ccatoken_testRMMLegacyEvidence.cbor",
        "cca/veraison_ccatoken_tf-rmm_cca_token.cbor",
    };

    public static TheoryData<string> VeraisonTokens => new()
    {
        "cca/veraison_ccatoken_testGoodCCAToken.cbor",
        "cca/veraison_ccatoken_testGoodLegacyCCAToken.cbor",
    };

    [SampleDataTheory]
    [MemberData(nameof(SampleTokens))]
    public void Every_sample_passes_the_realm_signature_and_binding_and_leaves_the_platform_unchecked_without_a_key(string file)
    {
        VerificationResult result = new CcaTokenVerifier().Verify(SampleData.Read(file));

        Assert.True(result[CcaTokenChecks.Parse].Passed, result.ToString());
        Assert.True(result[CcaTokenChecks.RealmSignature].Passed, result.ToString());
        Assert.True(result[CcaTokenChecks.RealmKeyBinding].Passed, result.ToString());
        Assert.Equal(VerificationOutcome.NotChecked, result[CcaTokenChecks.PlatformSignature].Outcome);
    }

    [SampleDataTheory]
    [MemberData(nameof(VeraisonTokens))]
    public void The_veraison_tokens_verify_with_veraisons_test_iak(string file)
    {
        using ECDsa iak = VeraisonTestIak();

        VerificationResult result = new CcaTokenVerifier(iak).Verify(SampleData.Read(file));

        Assert.True(result.IsVerified, result.ToString());
    }

    [SampleDataFact]
    public void A_token_signed_by_another_platform_key_fails_the_platform_signature()
    {
        using ECDsa iak = VeraisonTestIak();

        VerificationResult result = new CcaTokenVerifier(iak).Verify(SampleData.Read("cca/veraison_ccatoken_tf-rmm_cca_token.cbor"));

        Assert.Equal([CcaTokenChecks.PlatformSignature], result.Failures.Select(c => c.Name));
        Assert.Equal(VerificationOutcome.Failed, result[CcaTokenChecks.PlatformSignature].Outcome);
    }

    [Fact]
    public void Bytes_that_are_not_a_token_fail_the_parse_and_nothing_else_is_checked()
    {
        VerificationResult result = new CcaTokenVerifier().Verify(new byte[] { 0xD9, 0x03, 0x8B, 0xA0 });

        Assert.Equal(VerificationOutcome.Failed, result[CcaTokenChecks.Parse].Outcome);
        Assert.All(result.Checks.Skip(1), check => Assert.Equal(VerificationOutcome.NotChecked, check.Outcome));
    }

    /// <summary>The public part of veraison/ccatoken's <c>testIAK</c> (test_common.go), a P-256 JWK.</summary>
    private static ECDsa VeraisonTestIak() => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint
        {
            X = Base64Url.DecodeFromChars("MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4"),
            Y = Base64Url.DecodeFromChars("4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"),
        },
    });
}
