using Tsm.EventLog.Ccel;
using Tsm.EventLog.Tests.Infrastructure;

namespace Tsm.EventLog.Tests;

/// <summary>The ACPI CCEL table: MANIFEST §5a decodes gotdx_ccel_table.dat as length 56, rev 1, checksum OK, TDX, LAML 0x40000, LASA 0xBEDBF000.</summary>
public sealed class CcelTableTests
{
    [SampleDataFact]
    public void The_go_tdx_guest_table_is_a_tdx_ccel_whose_laml_is_its_data_files_size()
    {
        CcelTable table = CcelTable.Read(SampleData.Read(Logs.GoTdxCcelTable));

        Assert.Equal(1, table.Revision);
        Assert.Equal(CcType.IntelTdx, table.CcType);
        Assert.Equal(0x40000ul, table.LogAreaMinimumLength);
        Assert.Equal(0xBEDBF000ul, table.LogAreaStartAddress);
        Assert.Equal("INTEL", table.OemId);
        Assert.Equal(EventLogFormat.Ccel, table.ReadLog(SampleData.Read(Logs.GoTdxCcel)).Format);
    }

    [SampleDataTheory]
    [InlineData(0, 0x00, "the signature is not \"CCEL\"")]
    [InlineData(20, 0x01, "sum to 0x01 modulo 256")]
    public void A_broken_table_is_rejected_with_the_offset_and_reason(int at, byte xor, string reason)
    {
        byte[] table = SampleData.Read(Logs.GoTdxCcelTable);
        table[at] ^= xor == 0 ? (byte)0x20 : xor;

        var error = Assert.Throws<EventLogFormatException>(() => CcelTable.Read(table));

        Assert.Contains(reason, error.Message);
    }

    [SampleDataFact]
    public void A_log_area_longer_than_laml_is_rejected()
    {
        CcelTable table = CcelTable.Read(SampleData.Read(Logs.GoTdxCcelTable));

        var error = Assert.Throws<EventLogFormatException>(() => table.ReadLog(SampleData.Read(Logs.TrusteeCcel)));

        Assert.Contains("more than the table's LAML 262144", error.Message);
    }
}
