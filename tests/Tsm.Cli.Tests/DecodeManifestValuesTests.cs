using System.Buffers.Binary;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>The values MANIFEST.md states (and cites from the source projects' tests) come out of <c>tsm decode --json</c>.</summary>
public sealed class DecodeManifestValuesTests
{
    [SampleDataFact]
    public void The_SPR_E4_quote_shows_the_stated_measurements_and_report_data()
    {
        DecodedJson json = Samples.DecodeJson("tdx/gotdx_quote_v4_SPR_E4.dat");

        Assert.Equal("tdquote", json.Format);
        Assert.Equal(4UL, json.Version);
        Assert.Equal(4UL, json.Number("version"));
        Assert.Equal("939a7233f79c4ca9940a0db3957f0607", json.Hex("qevendorid"));
        Assert.Equal("03000400000000000000000000000000", json.Hex("body.teetcbsvn"));
        Assert.Equal("2fd279c16164a93dd5bf373d834328d46008c2b693af9ebb865b08b2ced320c9a89b4869a9fab60fbe9d0c5a5363c656", json.Hex("body.mrseam"));
        Assert.Equal("6363b8043668a3ad953278e10389574d326c6749fb78aa810ecd9336923db86f22fc00b8dcd404bc10d5e119d7215cbb", json.Hex("body.mrtd"));
        Assert.Equal(Samples.Zeros(48), json.Hex("body.mrconfigid"));
        Assert.Equal("2927da70461cd63266f43230cc1849c03ef25ebe490062a801d8fcc80af42976823adf08f833c1e50b51779c6593f32a", json.Hex("body.rtmr0"));
        Assert.Equal("2c700b8ba9b85783f8be9fb9443647bdc0bb3c50747f06297cc6538c25a5f589c4b56d035c59107c6bc5800db2cacb61", json.Hex("body.rtmr1"));
        Assert.Equal("8652f0caaba7e215ea442dc36a4499d8fec3362f3a0b2ca151cbe4b3e6466fe59c7368b3c2287fc7c3bf5c924eb4424e", json.Hex("body.rtmr2"));
        Assert.Equal(Samples.Zeros(48), json.Hex("body.rtmr3"));
        Assert.Equal(
            "6c62dec1b8191749a31dab490be532a35944dea47caef1f980863993d9899545eb7406a38d1eed313b987a467dacead6f0c87a6d766c66f6f29f8acb281f1113",
            json.Hex("body.reportdata"));
    }

    [SampleDataFact]
    public void The_SPR_E4_quote_shows_integers_as_numbers_and_the_39_appended_bytes_as_trailing()
    {
        DecodedJson json = Samples.DecodeJson("tdx/gotdx_quote_v4_SPR_E4.dat");

        Assert.Equal(Samples.UInt64LittleEndian("0000004000000000"), json.Number("body.tdattributes"));
        Assert.Equal(Samples.UInt64LittleEndian("e71a060000000000"), json.Number("body.xfam"));
        Assert.Equal(4299UL, json.Number("signaturedatalength"));
        Assert.Equal(0x1045UL, json.Number("signaturedata.certificationdatasize"));
        Assert.Equal(4UL, json.Number("signaturedata.certificationdata.qereport.isvsvn"));
        Assert.StartsWith("dc9e2a7c", json.Hex("signaturedata.certificationdata.qereport.mrsigner"));
        Assert.Equal(39, json.TrailingBytes);
    }

    [SampleDataTheory]
    [InlineData("tdx/gotdx_ccel_cos113_quote_v4.dat", 8000 - 4935)]
    [InlineData("tdx/trustee_tdx_quote_4.dat", 0)]
    [InlineData("tdx/trustee_tdx_quote_6.dat", 70)]
    [InlineData("tdx/trustee_az-tdx-vtpm_td-quote.bin", 70)]
    [InlineData("tdx/ccapi_quote_v4.bin", 70)]
    public void Quotes_report_the_bytes_after_their_signature_data_as_trailing(string relative, int trailing)
    {
        Assert.Equal(trailing, Samples.DecodeJson(relative).TrailingBytes);
    }

    [SampleDataFact]
    public void A_version_5_quote_has_its_TDX_1_5_body_with_the_service_TD_fields()
    {
        DecodedJson json = Samples.DecodeJson("tdx/trustee_tdx_quote_5.dat");

        Assert.Equal(5UL, json.Version);
        Assert.Equal(3UL, json.Number("bodytype"));
        Assert.Equal(648UL, json.Number("bodysize"));
        Assert.StartsWith("dfba221b", json.Hex("body.mrtd"));
        Assert.EndsWith("886400a", json.Hex("body.mrtd"));
        Assert.StartsWith("383c87d3", json.Hex("body.mrservicetd"));
    }

    [SampleDataFact]
    public void The_coco_TDREPORT_shows_the_stated_RTMRs()
    {
        DecodedJson json = Samples.DecodeJson("tdx/coco_gc_tdx_report_1.bin");

        Assert.Equal("tdreport", json.Format);
        Assert.Equal(1UL, json.Version);
        Assert.Equal(0x81UL, json.Number("reporttype"));
        Assert.Equal("f4ec1a04670fe7926cd5de4aef9aaa7689ab4ceaa132d7c5242b47f67dfaaea64c372a17ad68fef9a6ac99aabbddabdc", json.Hex("rtmr0"));
        Assert.Equal("4e5f8826653198ab4bc5156fbe4bc99db054c0b8239a16c4b59249fb427f4acc50eed1b46a85c7d526c4e1e47621b14c", json.Hex("rtmr1"));
        Assert.Equal(Samples.Zeros(48), json.Hex("rtmr2"));
        Assert.Equal(Samples.Zeros(48), json.Hex("rtmr3"));
        Assert.Equal(0, json.TrailingBytes);
    }

    [SampleDataFact]
    public void The_gosev_report_shows_the_stated_measurement_and_identity_values()
    {
        DecodedJson json = Samples.DecodeJson("sevsnp/gosev_attestation.bin");

        Assert.Equal("snpreport", json.Format);
        Assert.Equal(2UL, json.Version);
        Assert.Equal("b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01", json.Hex("measurement"));
        Assert.Equal(Samples.ZeroPadded("0102030405", 64), json.Hex("reportdata"));
        Assert.Equal(Samples.Zeros(32), json.Hex("hostdata"));
        Assert.Equal(Samples.Zeros(16), json.Hex("familyid"));
        Assert.Equal(Samples.Zeros(16), json.Hex("imageid"));
        Assert.Equal("8edc638e1857c555d21f6b11bda3c8b1b5a09dba4852b4c8ee7aa2f16f22cc0a", json.Hex("reportid"));
        Assert.Equal(new string('f', 64), json.Hex("reportidma"));
        Assert.Equal(
            "3ac3fe21e13fb0990eb28a802e3fb6a29483a6b0753590c951bdd3b8e53786184ca39e359669a2b76a1936776b564ea464cdce40c05f63c9b610c5068b006b5d",
            json.Hex("chipid"));
        Assert.Equal(4901323769462652930UL, json.Number("launchtcb"));
        Assert.Equal(0x00000000000B0000UL, json.Number("policy"));
        Assert.Equal(0UL, json.Number("vmpl"));
        Assert.Equal(1UL, json.Number("platforminfo"));
        Assert.Equal(1UL, json.Number("currentmajor"));
        Assert.Equal(49UL, json.Number("currentminor"));
        Assert.Equal(3UL, json.Number("currentbuild"));
    }

    [SampleDataFact]
    public void An_Azure_HCL_report_is_decoded_through_its_envelope_and_binds_the_stated_report_data()
    {
        DecodedJson tdx = Samples.DecodeJson("tdx/trustee_az-tdx-vtpm_hcl-report.bin");
        DecodedJson snp = Samples.DecodeJson("sevsnp/trustee_az-snp-vtpm_hcl-report.bin");

        Assert.Equal(("tdreport", "azure-hcl-report"), (tdx.Format, tdx.Envelope));
        Assert.Equal(Samples.ZeroPadded("9734504f161d104c74e3165c15f779b06a9bb40dfa71937817d7eee68e593839", 64), tdx.Hex("reportdata"));
        Assert.Equal(2600 - 32 - 1024, tdx.TrailingBytes);
        Assert.Equal(("snpreport", "azure-hcl-report"), (snp.Format, snp.Envelope));
        Assert.Equal(Samples.ZeroPadded("b3fbad6514c83caeb0380882145e49f794229ef37c421b91fc47ff93556bafac", 64), snp.Hex("reportdata"));
        Assert.Equal("9ac48fcac8a2d88aeeff8d427ad4f2be0e3917c748a18bdf52cc317e7fe20308b459d5ef1a12e0c22944eb386d17c315", snp.Hex("measurement"));
    }

    [SampleDataFact]
    public void An_SNP_report_in_a_MSG_REPORT_RSP_is_found_after_its_32_byte_header()
    {
        byte[] header = new byte[32];
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 1184);
        using TempFile response = new([.. header, .. SampleData.Read("sevsnp/gosev_attestation.bin")]);

        CliResult result = TsmCli.Run("decode", response.Path, "--json");

        Assert.Equal(0, result.ExitCode);
        DecodedJson json = DecodedJson.Parse(result.Stdout);
        Assert.Equal(("snpreport", "msg-report-rsp"), (json.Format, json.Envelope));
        Assert.Equal("b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01", json.Hex("measurement"));
        Assert.Equal(0, json.TrailingBytes);
    }
}
