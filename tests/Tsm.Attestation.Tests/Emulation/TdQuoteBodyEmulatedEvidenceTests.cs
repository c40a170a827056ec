namespace Tsm.Attestation.Tests.Emulation;

/// <summary>A TD quote body built from an emulated TDX device parses back at the layout version it was built for.</summary>
public sealed class TdQuoteBodyEmulatedEvidenceTests
{
    [Fact]
    public void A_body_built_for_tdx_1_0_carries_the_registers()
    {
        using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
        tdx.Rtmr3.Extend(Sha384Digest.Compute("application"u8));

        TdQuoteBody body = TdQuoteBody.Parse(TdQuoteBody.Build(tdx, "nonce"u8, 2), 2);

        Assert.True(body.Rtmr3 == tdx.Rtmr3.Read());
        Assert.True(body.MrTd == tdx.MrTd.Read());
        Assert.Equal([.. "nonce"u8, .. new byte[59]], body.ReportData.ToArray());
    }

    [Fact]
    public void A_body_built_with_the_default_version_parses_at_that_version()
    {
        using Tdx tdx = Tdx.Open(TsmBackend.Emulated());

        byte[] bytes = TdQuoteBody.Build(tdx, "nonce"u8);

        Assert.Equal(648, bytes.Length);
        Assert.True(TdQuoteBody.TryParse(bytes, 3, out TdQuoteBody body));
        Assert.True(body.HasMrServiceTd);
    }
}
