using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;
using Tsm.EventLog.Tests.Infrastructure;

namespace Tsm.EventLog.Tests;

/// <summary>Every register value MANIFEST.md §5 and Appendix B state for the real logs comes out of replay.</summary>
public sealed class ManifestReplayTests
{
    [SampleDataTheory]
    // go-eventlog ccel/extract_test.go:36-38 and go-tdx-guest rtmr/ccel_test.go:24-51.
    [InlineData(Logs.GoTdxCcel,
        "3fa2f61f395b7f5feefb4ec2df61297f109ad8abcd6410c1b7df60f21f37b19297fc35e544039c7e1edece752afd17f6",
        "f62dbc072bd5d3f3438b7b35c39a727f5aea2ffc2473f43723953f530daf62504f0a7944aa62c41a86e8a878c2b122c1",
        "4969684dc87381fc3b3134176c8d8806eaf0a901859f5f70cfae8d17714b46c10a8de219048c9fc09f11f381a6fbe7c1")]
    // go-eventlog ccel/cceventlog_test.go:32-48.
    [InlineData(Logs.DupeSeparator,
        "a4de2df23e9611299123ba4359c42a5e578b0f8488bf1bba8ef5606d9ea5d81c97c064b482a5eac537d166bd0f0f752d",
        "0ee9366c928a77092f55e9e114c7394181fd264699155f0df77d23577618d5f650568a17d379355a07bd846e552f4e20",
        "4969684dc87381fc3b3134176c8d8806eaf0a901859f5f70cfae8d17714b46c10a8de219048c9fc09f11f381a6fbe7c1")]
    // trustee deps/eventlog/src/lib.rs test_rtmr_integrity l.419-424.
    [InlineData(Logs.TrusteeOvmf,
        "8566f998798db09443b244c62de9a3041fb02e2e6936c4396d784bba2e90177329ec5aba3bb484404f2ab9cc90abe193",
        "775b9f6bfe99f8a31396f0d0218e67ffa796d3b96ccf961cbb0deba48c79c00f082cda1a5567c1c16305f1fc210c13c6",
        "94eaf7a7bf398ed8d888c91057ae0261802e4f3df084213a76ca7f0b5055ac9d2241de43cd58d9e8b49c503bbf25f34a")]
    // trustee lib.rs l.425-430.
    [InlineData(Logs.TrusteeGrub,
        "cec0a104f691f60da2387fea3c2de00c4ac035e2bb479ff02edcce69039d9e9907f0b3e55031da3dc7038f423adebd79",
        "6c289e0c62182d41ebe97bdbc9872d10998a08eaa86adcdc684001a363207ee72942c7522cdf00a4bbc3d784bed7b670",
        "08919d017ba0e52cd6d966351c7de16fe76c1d3d3d3da4554239e4c7d16cb8b82a94e7eaea3a0e6e18eb690b999fd31e")]
    public void A_ccel_replays_to_the_rtmrs_its_project_states(string log, string rtmr0, string rtmr1, string rtmr2)
    {
        RegisterValues values = Logs.Read(log).Replay();

        Assert.Equal(rtmr0, Logs.Hex(values.Find("rtmr0", MeasurementHash.Sha384)!.Value));
        Assert.Equal(rtmr1, Logs.Hex(values.Find("rtmr1", MeasurementHash.Sha384)!.Value));
        Assert.Equal(rtmr2, Logs.Hex(values.Find("rtmr2", MeasurementHash.Sha384)!.Value));
        Assert.Null(values.Find("rtmr3", MeasurementHash.Sha384));
    }

    [SampleDataFact]
    public void Tds_shim_ccel_replays_to_trustees_rtmr0_and_rtmr1_and_leaves_rtmr2_and_rtmr3_untouched()
    {
        // trustee lib.rs l.413-418: RTMR2 and RTMR3 are zero, i.e. no event reaches them.
        RegisterValues values = Logs.Read(Logs.TrusteeCcel).Replay();

        Assert.Equal("2dc712306a963eadb894ad47dbaa17df44814151555aee11cbb843becca88950ffd079664902e6f22c66f7c8213543f4", Logs.Hex(values.Find("rtmr0", MeasurementHash.Sha384)!.Value));
        Assert.Equal("0fa3be56af61208bbd179dc7b124988eb929319154663c539d6f46445ecac2fec287075047ff7bd1922829fec28cd3cf", Logs.Hex(values.Find("rtmr1", MeasurementHash.Sha384)!.Value));
        Assert.Null(values.Find("rtmr2", MeasurementHash.Sha384));
        Assert.Null(values.Find("rtmr3", MeasurementHash.Sha384));
    }

    [SampleDataFact]
    public void The_cc_api_log_replays_to_the_standard_values_not_to_the_ima_folded_ones_cc_api_states()
    {
        // MANIFEST §5a: cc-api's "expected IMRs" also fold in an IMA log that is not in the data; a plain CCEL replay
        // gives RTMR2 58bc48d5… (decoded here), and cc-api's RTMR2 0ba032df… must not come out.
        RegisterValue rtmr2 = Logs.Read(Logs.CcApi).Replay().Find("rtmr2", MeasurementHash.Sha384)!;

        Assert.Equal("58bc48d5c486672529f26bc0dffe535856ba1b98c6f156848db7ecd25821d0c02a5139bdf78b7cb49f12ef7a2a16dd7d", Logs.Hex(rtmr2.Value));
    }

    public static TheoryData<string, string, int, string> StatedPcrs => new()
    {
        // go-eventlog tpmeventlog/extract_test.go lines 49-59 and 62-72 (MANIFEST Appendix B).
        { Logs.Rhel8, "sha1", 0, "0f2d3a2a1adaa479aeeca8f5df76aadc41b862ea" },
        { Logs.Rhel8, "sha1", 1, "5cc549378bafaa92e965c7e9c287925cfff33abd" },
        { Logs.Rhel8, "sha1", 2, "b2a83b0ebf2f8374299a5b2bdfc31ea955ad7236" },
        { Logs.Rhel8, "sha1", 3, "b2a83b0ebf2f8374299a5b2bdfc31ea955ad7236" },
        { Logs.Rhel8, "sha1", 4, "7fbe2df30156ca4934109f48d850ab327110f8fa" },
        { Logs.Rhel8, "sha1", 5, "3258daa13f4cccf245c170481c76e2a4602e5a7b" },
        { Logs.Rhel8, "sha1", 6, "b2a83b0ebf2f8374299a5b2bdfc31ea955ad7236" },
        { Logs.Rhel8, "sha1", 7, "d7a632f8990b2171e987041b0a3c69fc1b2a4f27" },
        { Logs.Rhel8, "sha1", 8, "15aab2077008f8325e7c61ee39fedd7118aad5d7" },
        { Logs.Rhel8, "sha1", 9, "25de9455ef4e8180b76bbb9bb54a82f9a73abb0a" },
        { Logs.Rhel8, "sha1", 14, "1f5149668c40524e01be9cbc3ad527645943f148" },
        { Logs.Rhel8, "sha256", 0, "24af52a4f429b71a3184a6d64cddad17e54ea030e2aa6576bf3a5a3d8bd3328f" },
        { Logs.Rhel8, "sha256", 1, "454220afaa80c83c3839f6cccd8b3c88bf4f562316a9dda1121c578c9e005a53" },
        { Logs.Rhel8, "sha256", 2, "3d458cfe55cc03ea1f443f1562beec8df51c75e14a9fcf9a7234a13f198e7969" },
        { Logs.Rhel8, "sha256", 3, "3d458cfe55cc03ea1f443f1562beec8df51c75e14a9fcf9a7234a13f198e7969" },
        { Logs.Rhel8, "sha256", 4, "758a3d35f1b0ff5b135dacd07db0c8132c0ac665d944090d4bf96e66447a245c" },
        { Logs.Rhel8, "sha256", 5, "53d0ee36163219201e686167bbb71ec505b3ba2917b9d9183ed84aad26cfeb89" },
        { Logs.Rhel8, "sha256", 6, "3d458cfe55cc03ea1f443f1562beec8df51c75e14a9fcf9a7234a13f198e7969" },
        { Logs.Rhel8, "sha256", 7, "5fd54361d580eb7592adb8deb236ff35444ceeac7148f24b3de63c041f12b3da" },
        { Logs.Rhel8, "sha256", 8, "25c3874041ebd4e9a21b6ed71b624a7bfa99907a8dcea7f129a4c64cbaf5829a" },
        { Logs.Rhel8, "sha256", 9, "d43b2f61eb18b4791812ff5f20ab20e4ef621ba683370bedf5dbdf518b3a8078" },
        { Logs.Rhel8, "sha256", 14, "d8f57ebcc1a23cc46832696e1a657f720e1be8f5b405bb7204682114e363b455" },
        // extract_test.go lines 100-109 and 112-121.
        { Logs.Ubuntu1804, "sha1", 0, "c032c3b51dbb6f96b047421512fd4b4dfde496f3" },
        { Logs.Ubuntu1804, "sha1", 1, "35f38e5ce90728b02a0f66d836eef53d287e69bf" },
        { Logs.Ubuntu1804, "sha1", 2, "b2a83b0ebf2f8374299a5b2bdfc31ea955ad7236" },
        { Logs.Ubuntu1804, "sha1", 3, "b2a83b0ebf2f8374299a5b2bdfc31ea955ad7236" },
        { Logs.Ubuntu1804, "sha1", 4, "41c68947aeee8a59110c7989a9b7a55df547f003" },
        { Logs.Ubuntu1804, "sha1", 5, "baee22b5cce9029300f909add54d75d5d7475cfd" },
        { Logs.Ubuntu1804, "sha1", 6, "b2a83b0ebf2f8374299a5b2bdfc31ea955ad7236" },
        { Logs.Ubuntu1804, "sha1", 7, "6530ed2dcba68801c78ca08753f239118bead7c8" },
        { Logs.Ubuntu1804, "sha1", 8, "4e5533d878287970f3ef8d374fb140d93bcb2c37" },
        { Logs.Ubuntu1804, "sha1", 9, "1b79f2140a84462cb13d1a0c1904daefd24d7938" },
        { Logs.Ubuntu1804, "sha256", 0, "0f35c214608d93c7a6e68ae7359b4a8be5a0e99eea9107ece427c4dea4e439cf" },
        { Logs.Ubuntu1804, "sha256", 1, "add81cbc06b154716ac7bd5999c84cbc520184d57c58102657d270274508d9ce" },
        { Logs.Ubuntu1804, "sha256", 2, "3d458cfe55cc03ea1f443f1562beec8df51c75e14a9fcf9a7234a13f198e7969" },
        { Logs.Ubuntu1804, "sha256", 3, "3d458cfe55cc03ea1f443f1562beec8df51c75e14a9fcf9a7234a13f198e7969" },
        { Logs.Ubuntu1804, "sha256", 4, "b4b94e840fc9352e20bdb5b456b4c242af0fb146755b6935d8eda000ea368a31" },
        { Logs.Ubuntu1804, "sha256", 5, "0b75168095fd6464ff1f9943b762ec009a3ae84c5e76cf67361e16b9db30d28e" },
        { Logs.Ubuntu1804, "sha256", 6, "3d458cfe55cc03ea1f443f1562beec8df51c75e14a9fcf9a7234a13f198e7969" },
        { Logs.Ubuntu1804, "sha256", 7, "61af3f499f1a86be54458fd30d193fa913a7e23ca3103fa3d0abaefd3cd4f9b8" },
        { Logs.Ubuntu1804, "sha256", 8, "c324da9d0c54252c37af697cdd58b066f2bb0f4a69752d27623bc738d02e9486" },
        { Logs.Ubuntu1804, "sha256", 9, "2d334f1eeb9a16dabaccaa746ff1c0dce2e9aeb3f3a4a314e5e1e61b01e940d0" },
    };

    [SampleDataTheory]
    [MemberData(nameof(StatedPcrs))]
    public void A_tpm_log_replays_to_the_pcrs_go_eventlog_states(string log, string bank, int pcr, string expected)
    {
        MeasurementHashInfo.TryParseKernelName(bank, out MeasurementHash hash);

        RegisterValue value = Logs.Read(log).Replay().Find(RegisterId.Pcr(pcr), hash)!;

        Assert.Equal(expected, Logs.Hex(value.Value));
    }
}
