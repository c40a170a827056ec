using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// TD quote field values: what the source projects state (MANIFEST.md §1, "Stated"), and, in tests whose name says
/// "decoded here", MANIFEST.md's own decoding (Appendix A) as a cross-check where a source states nothing.
/// </summary>
public sealed class TdQuoteTests
{
    [SampleDataFact]
    public void The_sapphire_rapids_quote_has_the_td_fields_go_tdx_guest_states()
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(SampleInventory.SprE4Quote));
        TdQuoteBody body = quote.Body;

        // validate/validate_test.go:39-75: QE SVN 0 and PCE SVN 0 are the header bytes 8-11 (reserved in DCAP's header).
        Assert.Equal(Hex.Zeros(4), Hex.Of(quote.HeaderReserved));
        Assert.Equal("939a7233f79c4ca9940a0db3957f0607", Hex.Of(quote.QeVendorId));
        Assert.Equal("03000400000000000000000000000000", Hex.Of(body.TeeTcbSvn));
        Assert.Equal(Sha384Digest.Parse("2fd279c16164a93dd5bf373d834328d46008c2b693af9ebb865b08b2ced320c9a89b4869a9fab60fbe9d0c5a5363c656"), body.MrSeam);
        Assert.Equal(Hex.UInt64LittleEndian("0000004000000000"), body.TdAttributes.Value);
        Assert.Equal(Hex.UInt64LittleEndian("e71a060000000000"), body.Xfam);
        Assert.Equal(Sha384Digest.Parse("6363b8043668a3ad953278e10389574d326c6749fb78aa810ecd9336923db86f22fc00b8dcd404bc10d5e119d7215cbb"), body.MrTd);
        Assert.Equal(Opaque48.Zero, body.MrConfigId);
        Assert.Equal(Opaque48.Zero, body.MrOwner);
        Assert.Equal(Opaque48.Zero, body.MrOwnerConfig);
        Assert.Equal(Sha384Digest.Parse("2927da70461cd63266f43230cc1849c03ef25ebe490062a801d8fcc80af42976823adf08f833c1e50b51779c6593f32a"), body.Rtmr0);
        Assert.Equal(Sha384Digest.Parse("2c700b8ba9b85783f8be9fb9443647bdc0bb3c50747f06297cc6538c25a5f589c4b56d035c59107c6bc5800db2cacb61"), body.Rtmr1);
        Assert.Equal(Sha384Digest.Parse("8652f0caaba7e215ea442dc36a4499d8fec3362f3a0b2ca151cbe4b3e6466fe59c7368b3c2287fc7c3bf5c924eb4424e"), body.Rtmr2);
        Assert.Equal(Sha384Digest.Zero, body.Rtmr3);
        Assert.Equal(
            "6c62dec1b8191749a31dab490be532a35944dea47caef1f980863993d9899545eb7406a38d1eed313b987a467dacead6f0c87a6d766c66f6f29f8acb281f1113",
            Hex.Of(body.ReportData));
    }

    [SampleDataFact]
    public void The_sapphire_rapids_quote_has_the_certification_data_size_and_pck_extensions_go_tdx_guest_states()
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(SampleInventory.SprE4Quote));
        TdQuoteSignatureData signature = quote.SignatureData;

        // verify/verify_test.go:363 (0x1045) and 102-112.
        Assert.Equal(0x1045u, signature.CertificationDataSize);
        var chain = new PckCertificateChain(signature.CertificationData.PckCertChain);
        Assert.Equal("089ddfdb9c0359c82a3bc7719239574e", Hex.Of(chain.Ppid));
        Assert.Equal("50806f000000", Hex.Of(chain.Fmspc));
        Assert.Equal("0000", Hex.Of(chain.PceId));
        Assert.Equal(11, chain.PceSvn);
        Assert.Equal("03030202020100020000000000000000", Hex.Of(chain.CpuSvn));
        Assert.True(chain.LeafMentions("https://api.trustedservices.intel.com"));
    }

    [SampleDataFact]
    public void The_sapphire_rapids_quote_matches_the_signature_data_decoded_here()
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(SampleInventory.SprE4Quote));
        SgxReportBody qeReport = quote.SignatureData.CertificationData.QeReport;

        Assert.Equal(4299u, quote.SignatureDataLength);
        Assert.Equal(3677u, quote.SignatureData.CertificationData.PckCertDataSize);
        Assert.StartsWith("dc9e2a7c", qeReport.MrSigner.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("54a8c5", qeReport.MrSigner.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, qeReport.IsvSvn);
    }

    [SampleDataFact]
    public void The_go_tdx_guest_v5_quote_is_a_tdx_1_5_quote_for_the_fmspc_its_tests_state()
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(SampleInventory.GoTdxV5Quote));

        // abi/abi_test.go:57, 70-88: TDX 1.5 body 648 bytes, minimum v5 size 1026; testing/test_cases.go:61: FMSPC.
        Assert.Equal(5, quote.Version);
        Assert.Equal(648u, quote.BodySize);
        Assert.True(quote.Length >= 1026);
        Assert.Equal("90c06f000000", Hex.Of(new PckCertificateChain(quote.SignatureData.CertificationData.PckCertChain).Fmspc));
    }

    [SampleDataFact]
    public void The_go_tdx_guest_v5_quote_matches_the_values_decoded_here()
    {
        TdQuoteBody body = TdQuote.Parse(SampleData.Read(SampleInventory.GoTdxV5Quote)).Body;

        Assert.Equal("0b010400000000000000000000000000", Hex.Of(body.TeeTcbSvn));
        Assert.Equal("0d010400000000000000000000000000", Hex.Of(body.TeeTcbSvn2));
        Assert.Equal(Sha384Digest.Parse("7bf063280e94fb051f5dd7b1fc59ce9aac42bb961df8d44b709c9b0ff87a7b4df648657ba6d1189589feab1d5a3c9a9d"), body.MrSeam);
        Assert.Equal(Hex.UInt64LittleEndian("0000001000000000"), body.TdAttributes.Value);
        Assert.Equal(Hex.UInt64LittleEndian("e702060000000000"), body.Xfam);
        Assert.Equal(Sha384Digest.Parse("7348651a34b2d2d3462822e3a750ec6110125f36757c78480bbfc69cc0d21fb001a1ced3ee19747dda8f750c3bc8f876"), body.MrTd);
        Assert.Equal(Opaque48.Zero, body.MrConfigId);
        Assert.Equal(Sha384Digest.Parse("5c8daf76063a71ac8fcef4067564661fc682ed7944c7a5d21dbbced02f61ceff4ba0678c6aef3bdae8cbc614cec24619"), body.Rtmr0);
        Assert.Equal(Sha384Digest.Parse("463acaace1b6e97c76e92e41fe312aa66f3fd4dad60ec7acf169859db0343e3d1e591646795cdc80fbc0ca5f7041d253"), body.Rtmr1);
        Assert.Equal(Sha384Digest.Parse("6369b9c9a3b791ebcbdc5a0bb9536cfb57f50df2b393b33c8b29616d3568baa61f4b59dc6092e31ea8764bcbdfc69f20"), body.Rtmr2);
        Assert.Equal(Sha384Digest.Zero, body.Rtmr3);
        Assert.Equal(
            "945eaacf5abc1f719d8666a942fda03d1edcb4490277396093dc5a5289ab9f1e094aed63060cd4a4933a4dd537ed1255c9c79ecb3ed82cd1b486233e31c25c3a",
            Hex.Of(body.ReportData));
        Assert.Equal(Sha384Digest.Zero, body.MrServiceTd);
    }

    [SampleDataFact]
    public void The_cos_113_quote_has_the_rtmrs_its_ccel_replays_to_and_the_zero_nonce()
    {
        TdQuoteBody body = TdQuote.Parse(SampleData.Read(SampleInventory.Cos113Quote)).Body;
        byte[] nonce = SampleData.Read(SampleInventory.Cos113Nonce);

        // go-tdx-guest rtmr/ccel_test.go:24-51 with the values of go-eventlog ccel/extract_test.go:36-38.
        Assert.Equal(Sha384Digest.Parse("3fa2f61f395b7f5feefb4ec2df61297f109ad8abcd6410c1b7df60f21f37b19297fc35e544039c7e1edece752afd17f6"), body.Rtmr0);
        Assert.Equal(Sha384Digest.Parse("f62dbc072bd5d3f3438b7b35c39a727f5aea2ffc2473f43723953f530daf62504f0a7944aa62c41a86e8a878c2b122c1"), body.Rtmr1);
        Assert.Equal(Sha384Digest.Parse("4969684dc87381fc3b3134176c8d8806eaf0a901859f5f70cfae8d17714b46c10a8de219048c9fc09f11f381a6fbe7c1"), body.Rtmr2);
        Assert.Equal(Hex.Zeros(64), Hex.Of(nonce));
        Assert.True(body.ReportData.SequenceEqual(nonce));
    }

    [SampleDataFact]
    public void The_cos_113_quote_matches_the_values_decoded_here()
    {
        TdQuoteBody body = TdQuote.Parse(SampleData.Read(SampleInventory.Cos113Quote)).Body;

        Assert.Equal(Sha384Digest.Zero, body.Rtmr3);
        Assert.Equal(Sha384Digest.Parse("dae67181d3d65e073ad8f95b7907d5e927bfe9761c9ff3e9b89734a45d8954dba41394c7717cb2735396c1d04231f94a"), body.MrTd);
        Assert.Equal("04010700000000000000000000000000", Hex.Of(body.TeeTcbSvn));
        Assert.Equal(Sha384Digest.Parse("ffc97a88587660fb04e1f7c851300c96ae0b5a463ac46d035d16c2d9f36d0ed1d23775bcbd27deb219e3a3cc28023895"), body.MrSeam);
        Assert.Equal(Hex.UInt64LittleEndian("e700060000000000"), body.Xfam);
    }

    [SampleDataFact]
    public void The_trustee_quotes_4_and_5_have_the_versions_trustee_states()
    {
        // deps/verifier/src/intel_dcap/quote.rs:633-657.
        Assert.Equal(4, TdQuote.Parse(SampleData.Read(SampleInventory.TrusteeQuote4)).Version);
        Assert.Equal(5, TdQuote.Parse(SampleData.Read(SampleInventory.TrusteeQuote5)).Version);
    }

    [SampleDataFact]
    public void The_trustee_quote_5_matches_the_values_decoded_here_and_shares_its_tdx_module_with_the_guest_components_report()
    {
        TdQuoteBody body = TdQuote.Parse(SampleData.Read(SampleInventory.TrusteeQuote5)).Body;
        TdReport report = TdReport.Parse(SampleData.Read(SampleInventory.CocoGcTdReport));

        Assert.Equal(Sha384Digest.Parse("dfba221b48a22af8511542ee796603f37382800840dcd978703909bf8e64d4c8a1e9de86e7c9638bfcba422f3886400a"), body.MrTd);
        Assert.Equal(Sha384Digest.Parse("383c87d3bbb047b2d171eaca95312ede99f258088dc788f6ae2ccf8b6dd848fe8d47629e08b3f6cbd4a00dd47a5a033d"), body.MrServiceTd);
        Assert.Equal(Sha384Digest.Parse("9b529f3689e2e8ebb899e9abbbc3dab394d6545e8cdb28a2abb9cc2f377b83a65c01ba56b824cd3ee885df20051f5128"), body.Rtmr0);
        Assert.Equal(Sha384Digest.Parse("ca5a979317ffe8a527a3b7aadab03976d7cb6eef1041fb9bd9d69e6fafa7252cdc10e4c2a55e7ecbd2ddb5cacc867430"), body.Rtmr1);
        Assert.Equal("05010200000000000000000000000000", Hex.Of(body.TeeTcbSvn2));
        Assert.Equal(
            "6d6ab13b046cff606ac0074be13981b07b6325dba10b5facc96febf551c0c3be2b75f92fe1f88f4bb996969ad0174b4b7a70261b7b85c844f4b33a4674fd049f",
            Hex.Of(body.ReportData));
        Assert.Equal(report.MrSeam, body.MrSeam);
        Assert.Equal(report.ServTdHash, body.MrServiceTd);
    }

    [SampleDataFact]
    public void The_trustee_quote_6_is_a_version_4_quote_matching_the_values_decoded_here()
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(SampleInventory.TrusteeQuote6));
        TdQuoteBody body = quote.Body;

        Assert.Equal(4, quote.Version);
        Assert.Equal(Sha384Digest.Parse("21e8dead92d6c69d7cbba79816686c03a48485c7df0c11f6f04792d5e1d378f6b8c46615ba6946adccac6becffbb1e88"), body.MrTd);
        Assert.Equal(Opaque48.Parse("889abf4718f037e38d74464c11e7c91a6e9890b5546409e1e7df9de7a51ca93152bf847bd2440328e90adb18b150ed67"), body.MrConfigId);
        Assert.Equal(Sha384Digest.Parse("193edd321148e81fd4d6ce00ac8331e737febdb428f18ae66f697c1d2a7f2cd97c535c8df9f045f62b16a41facad84a1"), body.Rtmr2);
        Assert.Equal(Sha384Digest.Zero, body.Rtmr3);
        Assert.Equal(Hex.ZeroPadded("26cae1c77185617fb6a03fc29bf1f924596e52352b9b7594940b576ae126cd4a570cc3202a900c5d19a6eb0a95b32cfd", 64), Hex.Of(body.ReportData));
    }

    [SampleDataFact]
    public void The_azure_quote_binds_the_hcl_variable_data_and_has_zero_rtmrs()
    {
        TdQuoteBody body = TdQuote.Parse(SampleData.Read(SampleInventory.AzureTdQuote)).Body;
        var hcl = new AzureHclReport(SampleData.Read(SampleInventory.AzureTdxHclReport));

        // trustee az_tdx_vtpm/mod.rs:120-127, 171-176: quote.report_data[0:32] == sha256(HCL variable data).
        Assert.Equal(Hex.ZeroPadded(Hex.Of(hcl.VariableDataSha256()), 64), Hex.Of(body.ReportData));
        Assert.Equal(Sha384Digest.Zero, body.Rtmr0);
        Assert.Equal(Sha384Digest.Zero, body.Rtmr1);
        Assert.Equal(Sha384Digest.Zero, body.Rtmr2);
        Assert.Equal(Sha384Digest.Zero, body.Rtmr3);
    }

    [SampleDataFact]
    public void The_cc_api_quote_has_a_pck_chain_from_the_intel_sandbox()
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read(SampleInventory.CcApiQuote));
        var chain = new PckCertificateChain(quote.SignatureData.CertificationData.PckCertChain);

        Assert.True(chain.LeafMentions("https://sbx.api.trustedservices.intel.com"));
        Assert.False(chain.LeafMentions("https://api.trustedservices.intel.com"));
    }
}
