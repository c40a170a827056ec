using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>Arm CCA tokens through <c>tsm decode</c>: claims under <c>platform</c> and <c>realm</c>, the values MANIFEST.md §4 states.</summary>
public sealed class DecodeCcaTokenTests
{
    [SampleDataTheory]
    [InlineData("cca/veraison_ccatoken_testGoodCCAToken.cbor")]
    [InlineData("cca/veraison_ccatoken_testGoodLegacyCCAToken.cbor")]
    public void The_veraison_test_token_shows_its_fixture_claims_in_both_forms(string relative)
    {
        DecodedJson json = Samples.DecodeJson(relative);

        Assert.Equal("ccatoken", json.Format);
        Assert.Null(json.Version);
        Assert.Equal(Samples.AsciiHex(string.Concat(Enumerable.Repeat("AB", 32))), json.Hex("realm.challenge"));
        Assert.Equal(Samples.AsciiHex(string.Concat(Enumerable.Repeat("AD", 32))), json.Hex("realm.personalizationvalue"));
        Assert.Equal(Samples.Repeated("43", 64), json.Hex("realm.rim"));
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(Samples.Repeated("43", 64), json.Hex($"realm.rems.{i}")));
        Assert.Equal("sha-256", json.Text("realm.hashalgorithm"));
        Assert.Equal("sha-512", json.Text("realm.publickeyhashalgorithm"));
        Assert.Equal("tag:arm.com,2023:cca_platform#1.0.0", json.Text("platform.profile"));
        Assert.Equal(Samples.Zeros(32), json.Hex("platform.implementationid"));
        Assert.Equal("01" + Samples.Repeated("02", 32), json.Hex("platform.instanceid"));
        Assert.Equal("010203", json.Hex("platform.config"));
        Assert.Equal(12288UL, json.Number("platform.lifecycle"));
        Assert.Equal(Samples.Repeated("03", 32), json.Hex("platform.swcomponents.0.measurement"));
        Assert.Equal(Samples.Repeated("04", 32), json.Hex("platform.swcomponents.0.signerid"));
        Assert.Equal("https://veraison.example/v1/challenge-response", json.Text("platform.verificationservice"));
        Assert.Equal("sha-256", json.Text("platform.hashalgorithm"));
    }

    [SampleDataFact]
    public void The_TF_RMM_token_shows_its_zero_measurements_and_four_software_components()
    {
        DecodedJson json = Samples.DecodeJson("cca/veraison_ccatoken_tf-rmm_cca_token.cbor");

        Assert.Equal(Samples.Zeros(32), json.Hex("realm.rim"));
        Assert.Equal(4, json.Field("realm.rems").GetArrayLength());
        Assert.Equal(Samples.Zeros(32), json.Hex("realm.rems.3"));
        Assert.Equal(Samples.Repeated("ab", 64), json.Hex("realm.challenge"));
        Assert.Equal(Samples.AsciiHex("The quick brown fox jumps over 13 lazy dogs.The quick brown fox "), json.Hex("realm.personalizationvalue"));
        Assert.Equal("http://arm.com/CCA-SSD/1.0.0", json.Text("platform.profile"));
        Assert.StartsWith("7f454c46", json.Hex("platform.implementationid"));
        Assert.EndsWith("5058000000000000", json.Hex("platform.implementationid"));
        Assert.Equal(12291UL, json.Number("platform.lifecycle"));
        Assert.Equal(["BL", "M1", "M2", "M3"], json.Field("platform.swcomponents").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        Assert.Equal("whatever.com", json.Text("platform.verificationservice"));
    }

    [SampleDataFact]
    public void The_table_names_the_token_form_and_shows_text_claims_in_quotes()
    {
        CliResult result = TsmCli.Run("decode", SampleData.PathOf("cca/veraison_ccatoken_testGoodLegacyCCAToken.cbor"));

        Assert.Equal(0, result.ExitCode);
        string output = result.Stdout.ReplaceLineEndings("\n");
        Assert.StartsWith("veraison_ccatoken_testGoodLegacyCCAToken.cbor: ccatoken (Arm CCA attestation token, tag 399 (legacy))\n", output);
        Assert.Matches("\nplatform\\.profile +\"tag:arm\\.com,2023:cca_platform#1\\.0\\.0\"\n", output);
        Assert.Matches(@"\nrealm\.rems\.3 +(43){64}\n", output);
    }
}
