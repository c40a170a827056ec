using System.Text;
using Tsm.Attestation.Cca;
using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Cca;

/// <summary>
/// The real CCA tokens of the shared data (MANIFEST.md §4), with the values their source states. Tests whose name says
/// "decoded here" check values MANIFEST.md only decoded itself: cross-checks, not source statements.
/// </summary>
public sealed class CcaSampleTokenTests
{
    public static TheoryData<string> Tokens => CcaSamples.All;

    [SampleDataTheory]
    [MemberData(nameof(Tokens))]
    public void Every_shared_token_parses_with_both_cose_messages_and_their_payloads(string file)
    {
        byte[] bytes = SampleData.Read(file);

        CcaToken token = CcaToken.Parse(bytes);

        Assert.True(CcaToken.TryParse(bytes, out CcaToken? again));
        Assert.Equal(token.Format, again.Format);
        Assert.NotNull(token.PlatformMessage.Content);
        Assert.NotNull(token.RealmMessage.Content);
        Assert.Equal(token.Realm.Challenge.ToArray(), CcaRealmClaims.Parse(token.RealmMessage.Content.Value).Challenge.ToArray());
        Assert.Equal(token.Platform.Challenge.ToArray(), CcaPlatformClaims.Parse(token.PlatformMessage.Content.Value).Challenge.ToArray());
        Assert.Equal(4, token.Realm.Rems.Count);
        Assert.NotEmpty(token.Platform.SwComponents);
    }

    [SampleDataFact]
    public void The_veraison_good_token_has_the_realm_claims_its_fixtures_state()
    {
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.VeraisonGood));

        Assert.Equal(CcaTokenFormat.Cmw907, token.Format);
        AssertVeraisonRealmClaims(token.Realm);
    }

    [SampleDataFact]
    public void The_veraison_good_token_has_the_platform_claims_its_fixtures_state()
    {
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.VeraisonGood));

        AssertVeraisonPlatformClaims(token.Platform);
    }

    [SampleDataFact]
    public void The_veraison_legacy_token_is_tag_399_with_the_same_claims()
    {
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.VeraisonGoodLegacy));

        Assert.Equal(CcaTokenFormat.Legacy399, token.Format);
        AssertVeraisonRealmClaims(token.Realm);
        AssertVeraisonPlatformClaims(token.Platform);
    }

    [SampleDataFact]
    public void The_veraison_good_token_has_no_realm_measurements_since_its_64_byte_values_are_not_sha_256_digests()
    {
        // MANIFEST.md §4 states RIM = 0x43×64 with realm hash-algo "sha-256": a synthetic fixture, not a realm's digests.
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.VeraisonGood));

        Assert.Equal(64, token.Realm.Rim.Length);
        Assert.Null(token.RealmMeasurements);
    }

    [SampleDataFact]
    public void The_rmm_tokens_are_one_pair_of_cose_messages_in_both_collection_forms()
    {
        CcaToken cmw = CcaToken.Parse(SampleData.Read(CcaSamples.RmmEvidence));
        CcaToken legacy = CcaToken.Parse(SampleData.Read(CcaSamples.TfRmmToken));

        Assert.Equal(CcaTokenFormat.Cmw907, cmw.Format);
        Assert.Equal(CcaTokenFormat.Legacy399, legacy.Format);
        Assert.Equal(legacy.PlatformMessage.Encode(), cmw.PlatformMessage.Encode());
        Assert.Equal(legacy.RealmMessage.Encode(), cmw.RealmMessage.Encode());
    }

    [SampleDataFact]
    public void The_rmm_token_realm_claims_match_the_values_decoded_here()
    {
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.TfRmmToken));

        Assert.Equal(Repeat(0xAB, 64), token.Realm.Challenge.ToArray());
        Assert.Equal("The quick brown fox jumps over 13 lazy dogs.The quick brown fox ", Encoding.ASCII.GetString(token.Realm.PersonalizationValue.Span));
        Assert.Equal("sha-256", token.Realm.HashAlgorithm);
        Assert.Equal(new byte[32], token.Realm.Rim.ToArray());
        Assert.All(token.Realm.Rems, rem => Assert.Equal(new byte[32], rem.ToArray()));
        Assert.Null(token.Realm.Profile);
    }

    [SampleDataFact]
    public void The_rmm_token_realm_measurements_are_sha_256_zero_digests_decoded_here()
    {
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.TfRmmToken));

        CcaRealmMeasurements measurements = Assert.IsType<CcaRealmMeasurements>(token.RealmMeasurements);
        AgileDigest zero = new(MeasurementHash.Sha256, new byte[32]);
        Assert.Equal(MeasurementHash.Sha256, measurements.Algorithm);
        Assert.Equal(zero, measurements.Rim);
        Assert.Equal(new[] { zero, zero, zero, zero }, measurements.Rems);
    }

    [SampleDataFact]
    public void The_rmm_token_platform_claims_match_the_values_decoded_here()
    {
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.TfRmmToken));

        Assert.Equal("http://arm.com/CCA-SSD/1.0.0", token.Platform.Profile);
        string implementationId = Convert.ToHexStringLower(token.Platform.ImplementationId.Span);
        Assert.StartsWith("7f454c46", implementationId, StringComparison.Ordinal);
        Assert.EndsWith("5058000000000000", implementationId, StringComparison.Ordinal);
        Assert.Equal(12291, token.Platform.Lifecycle);
        Assert.Equal(new[] { "BL", "M1", "M2", "M3" }, token.Platform.SwComponents.Select(c => c.Type));
        Assert.Equal("whatever.com", token.Platform.VerificationService);
    }

    [SampleDataFact]
    public void The_trustee_example_token_carries_sha_512_realm_measurements_decoded_while_writing_these_tests()
    {
        // MANIFEST.md §4 states no values for this token; these come from decoding it by hand for this test.
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.TrusteeExample));

        Assert.Equal(CcaTokenFormat.Legacy399, token.Format);
        Assert.Equal("sha-512", token.Realm.HashAlgorithm);
        CcaRealmMeasurements measurements = Assert.IsType<CcaRealmMeasurements>(token.RealmMeasurements);
        Assert.Equal(MeasurementHash.Sha512, measurements.Algorithm);
        Assert.Equal(new AgileDigest(MeasurementHash.Sha512, new byte[64]), measurements.Rems[3]);
        Assert.Equal(13, token.Platform.SwComponents.Count);
    }

    [SampleDataFact]
    public void Visiting_the_veraison_realm_claims_yields_every_claim_by_schema_name()
    {
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.VeraisonGood));
        var recorder = new ClaimRecorder();

        token.Realm.VisitFields(recorder);

        string rem = "=" + string.Concat(Enumerable.Repeat("43", 64));
        Assert.Equal(
            [
                "challenge=" + Convert.ToHexStringLower(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("AB", 32)))),
                "personalizationvalue=" + Convert.ToHexStringLower(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("AD", 32)))),
                "hashalgorithm=\"sha-256\"",
                "publickey=" + Convert.ToHexStringLower(token.Realm.PublicKey.Span),
                "rim" + rem,
                "rems.0" + rem,
                "rems.1" + rem,
                "rems.2" + rem,
                "rems.3" + rem,
                "publickeyhashalgorithm=\"sha-512\"",
                "profile=\"" + token.Realm.Profile + "\"",
            ],
            recorder.Lines);
    }

    [SampleDataFact]
    public void Visiting_the_veraison_platform_claims_nests_the_software_components_by_index()
    {
        CcaToken token = CcaToken.Parse(SampleData.Read(CcaSamples.VeraisonGood));
        var recorder = new ClaimRecorder();

        token.Platform.VisitFields(recorder);

        Assert.Contains("lifecycle=12288", recorder.Lines);
        Assert.Contains("swcomponents.0.measurement=" + string.Concat(Enumerable.Repeat("03", 32)), recorder.Lines);
        Assert.Contains("swcomponents.0.signerid=" + string.Concat(Enumerable.Repeat("04", 32)), recorder.Lines);
        Assert.Contains("config=010203", recorder.Lines);
    }

    private static void AssertVeraisonRealmClaims(CcaRealmClaims realm)
    {
        Assert.Equal(string.Concat(Enumerable.Repeat("AB", 32)), Encoding.ASCII.GetString(realm.Challenge.Span));
        Assert.Equal(string.Concat(Enumerable.Repeat("AD", 32)), Encoding.ASCII.GetString(realm.PersonalizationValue.Span));
        Assert.Equal(Repeat(0x43, 64), realm.Rim.ToArray());
        Assert.Equal(4, realm.Rems.Count);
        Assert.All(realm.Rems, rem => Assert.Equal(Repeat(0x43, 64), rem.ToArray()));
        Assert.Equal("sha-256", realm.HashAlgorithm);
        Assert.Equal("sha-512", realm.PublicKeyHashAlgorithm);
    }

    private static void AssertVeraisonPlatformClaims(CcaPlatformClaims platform)
    {
        Assert.Equal("tag:arm.com,2023:cca_platform#1.0.0", platform.Profile);
        string challenge = Convert.ToHexStringLower(platform.Challenge.Span);
        Assert.StartsWith("f7951be8", challenge, StringComparison.Ordinal);
        Assert.EndsWith("b9bf79f", challenge, StringComparison.Ordinal);
        Assert.Equal(new byte[32], platform.ImplementationId.ToArray());
        Assert.Equal([0x01, .. Repeat(0x02, 32)], platform.InstanceId.ToArray());
        Assert.Equal(new byte[] { 0x01, 0x02, 0x03 }, platform.Config?.ToArray());
        Assert.Equal(12288, platform.Lifecycle);
        CcaSwComponent component = Assert.Single(platform.SwComponents);
        Assert.Equal(Repeat(0x03, 32), component.Measurement.ToArray());
        Assert.Equal(Repeat(0x04, 32), component.SignerId.ToArray());
        Assert.Equal("https://veraison.example/v1/challenge-response", platform.VerificationService);
        Assert.Equal("sha-256", platform.HashAlgorithm);
    }

    private static byte[] Repeat(byte value, int count) => ClaimMapWriter.Repeat(value, count);
}
