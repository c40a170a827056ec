using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Cca;

/// <summary>The Arm CCA tokens of the shared data's cca/ folder (MANIFEST.md §4).</summary>
internal static class CcaSamples
{
    public const string Folder = "cca";
    public const string TrusteeExample = "cca/trustee_cca-example-token.cbor";
    public const string VeraisonGood = "cca/veraison_ccatoken_testGoodCCAToken.cbor";
    public const string VeraisonGoodLegacy = "cca/veraison_ccatoken_testGoodLegacyCCAToken.cbor";
    public const string RmmEvidence = "cca/veraison_ccatoken_testRMMLegacyEvidence.cbor";
    public const string TfRmmToken = "cca/veraison_ccatoken_tf-rmm_cca_token.cbor";

    /// <summary>Every file of the folder, so a token added to the data is parsed without a test change.</summary>
    public static TheoryData<string> All => new(SampleData.Files(Folder));
}
