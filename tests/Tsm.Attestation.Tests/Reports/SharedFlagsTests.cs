using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// A vendor's layouts share one flags type per field name and bits, so the TD attributes of a TDREPORT and of a quote
/// body are the same type and compare directly.
/// </summary>
public sealed class SharedFlagsTests
{
    [SampleDataFact]
    public void Td_attributes_of_a_quote_body_and_of_a_tdreport_are_one_comparable_type()
    {
        TdQuote quote = TdQuote.Parse(SampleData.Read("tdx/gotdx_quote_v4_SPR_E4.dat"));
        TdReport report = TdReport.Parse(SampleData.Read("tdx/coco_gc_tdx_report_1.bin"));

        Tdx.TdAttributesFlags fromQuote = quote.Body.TdAttributes;
        Tdx.TdAttributesFlags fromReport = report.TdAttributes;

        // MANIFEST: TD_ATTRIBUTES 0000004000000000 (quote) and 0000001000000000 (report), little-endian u64.
        Assert.Equal(new Tdx.TdAttributesFlags(1UL << 30), fromQuote);
        Assert.True(fromQuote.Pks);
        Assert.Equal(new Tdx.TdAttributesFlags(1UL << 28), fromReport);
        Assert.True(fromReport.SeptVeDisable);
        Assert.NotEqual(fromQuote, fromReport);
    }
}
