using System.Security.Cryptography;
using Tsm.Attestation.Tests.Infrastructure;

namespace Tsm.Attestation.Tests.Reports;

/// <summary>
/// go-tdx-guest's report.dat is a genuine TDREPORT with its first 48 bytes cut off (content shifted by -0x30, the last
/// 48 bytes zero-filled; MANIFEST.md §2). As it is, it must be rejected; realigned, its TDINFO hash proves the shift.
/// </summary>
public sealed class ShiftedTdReportTests
{
    private const int Shift = 48;

    [SampleDataFact]
    public void The_shifted_report_is_rejected_at_its_report_type()
    {
        byte[] bytes = SampleData.Read(SampleInventory.ShiftedTdReport);

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => TdReport.Parse(bytes).Length);

        Assert.Equal("TdReport", error.Layout);
        Assert.Equal(0, error.Offset);
        Assert.Equal("'reporttype' is 15; expected 129", error.Reason);
        Assert.False(TdReport.TryParse(bytes, out _));
    }

    [SampleDataFact]
    public void The_shifted_report_with_a_forced_report_type_parses_but_its_hashes_do_not_match()
    {
        byte[] bytes = SampleData.Read(SampleInventory.ShiftedTdReport);
        bytes[0] = 0x81;

        TdReport report = TdReport.Parse(bytes);

        Assert.False(report.InternalHashesMatch());
    }

    [SampleDataFact]
    public void Realigned_by_48_bytes_the_tdinfo_hash_matches_and_the_fields_are_those_decoded_here()
    {
        byte[] file = SampleData.Read(SampleInventory.ShiftedTdReport);
        byte[] realigned = new byte[TdReport.MinimumSize];
        file.AsSpan(0, file.Length - Shift).CopyTo(realigned.AsSpan(Shift));
        realigned[0] = 0x81;

        TdReport report = TdReport.Parse(realigned);

        Assert.Equal(Hex.Of(SHA384.HashData(realigned.AsSpan(512, 512))), Hex.Of(report.TeeInfoHash.Bytes));
        // Only the last 32 bytes of TEE_TCB_INFO_HASH survived the cut (file bytes 0x00-0x1F).
        Assert.Equal(Hex.Of(SHA384.HashData(realigned.AsSpan(256, 239)).AsSpan(16)), Hex.Of(report.TeeTcbInfoHash.Bytes[16..]));
        Assert.False(report.InternalHashesMatch());
        Assert.Equal("03000500000000000000000000000000", Hex.Of(report.TeeTcbSvn));
        Assert.Equal(Sha384Digest.Parse("2fd279c16164a93dd5bf373d834328d46008c2b693af9ebb865b08b2ced320c9a89b4869a9fab60fbe9d0c5a5363c656"), report.MrSeam);
        Assert.Equal(Hex.UInt64LittleEndian("e700000000000000"), report.Xfam);
        Assert.Equal(Sha384Digest.Parse("1d31766cd548f8631a522b8943efb0b5eae2ab498e504166a3d9ca7c4dcea2520d1e25d35a65dca64772ddca1e4dca46"), report.MrTd);
    }
}
