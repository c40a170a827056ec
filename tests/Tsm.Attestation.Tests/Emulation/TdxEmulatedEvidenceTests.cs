using System.Security.Cryptography;

namespace Tsm.Attestation.Tests.Emulation;

/// <summary>
/// A TDREPORT built from an emulated TDX device's registers parses back to those registers: the evidence an emulator
/// hands out is the same structure the parsers read from hardware, and the digest types of both sides are shared.
/// </summary>
public sealed class TdxEmulatedEvidenceTests
{
    private static readonly byte[] MrTd = SHA384.HashData("emulated TD image"u8);
    private static readonly byte[] MrConfigId = Filled(48, 0xC1);
    private static readonly byte[] ReportData = SHA512.HashData("nonce from the verifier"u8);

    [Fact]
    public void A_built_tdreport_carries_the_registers_the_device_reads()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        backend.Device(Tdx.Definition).SetValue("mrtd", MrTd);
        backend.Device(Tdx.Definition).SetValue("mrconfigid", MrConfigId);
        using Tdx tdx = Tdx.Open(backend);
        tdx.Rtmr0.Extend(Sha384Digest.Compute("firmware"u8));
        tdx.Rtmr2.Extend(Sha384Digest.Compute("kernel command line"u8));
        tdx.Rtmr3.Extend(Sha384Digest.Compute("application"u8));
        tdx.Rtmr3.Extend(Sha384Digest.Compute("configuration"u8));

        TdReport report = TdReport.Parse(TdReport.Build(tdx, ReportData));

        Assert.True(report.Rtmr0 == tdx.Rtmr0.Read());
        Assert.True(report.Rtmr1 == tdx.Rtmr1.Read());
        Assert.True(report.Rtmr2 == tdx.Rtmr2.Read());
        Assert.True(report.Rtmr3 == tdx.Rtmr3.Read());
        Assert.True(report.MrTd == tdx.MrTd.Read());
        Assert.True(report.MrConfigId == tdx.MrConfigId.Read());
        Assert.True(report.MrOwner == tdx.MrOwner.Read());
        Assert.True(report.MrOwnerConfig == tdx.MrOwnerConfig.Read());
        Assert.Equal(Sha384Digest.Zero, report.Rtmr1);
    }

    [Fact]
    public void A_built_tdreport_has_the_seeded_mrtd_the_report_data_and_rtmrs_extended_as_the_hardware_does()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        backend.Device(Tdx.Definition).SetValue("mrtd", MrTd);
        using Tdx tdx = Tdx.Open(backend);
        byte[] first = SHA384.HashData("event 1"u8);
        byte[] second = SHA384.HashData("event 2"u8);
        tdx.Rtmr3.Extend(first);
        tdx.Rtmr3.Extend(second);

        TdReport report = TdReport.Parse(TdReport.Build(tdx, ReportData));

        byte[] rtmr3 = SHA384.HashData([.. SHA384.HashData([.. new byte[48], .. first]), .. second]);
        Assert.Equal(Convert.ToHexStringLower(rtmr3), report.Rtmr3.ToString());
        Assert.Equal(Convert.ToHexStringLower(MrTd), report.MrTd.ToString());
        Assert.Equal(ReportData, report.ReportData.ToArray());
        Assert.Equal(0x81, report.ReportType);
    }

    [Fact]
    public void A_built_tdreport_hashes_its_tee_tcb_info_and_tdinfo_like_the_tdx_module()
    {
        using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
        tdx.Rtmr1.Extend(Sha384Digest.Compute("boot loader"u8));
        byte[] bytes = TdReport.Build(tdx, ReportData);

        TdReport report = TdReport.Parse(bytes);

        Assert.True(report.InternalHashesMatch());
        Assert.Equal(Convert.ToHexStringLower(SHA384.HashData(bytes.AsSpan(512, 512))), report.TeeInfoHash.ToString());
        Assert.Equal(Convert.ToHexStringLower(SHA384.HashData(bytes.AsSpan(256, 239))), report.TeeTcbInfoHash.ToString());
    }

    [Fact]
    public void Short_report_data_is_zero_padded_to_64_bytes()
    {
        using Tdx tdx = Tdx.Open(TsmBackend.Emulated());

        TdReport report = TdReport.Parse(TdReport.Build(tdx, "nonce"u8));

        Assert.Equal([.. "nonce"u8, .. new byte[59]], report.ReportData.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_built_tdreport_has_the_fields_of_the_requested_version(int version)
    {
        using Tdx tdx = Tdx.Open(TsmBackend.Emulated());

        TdReport report = TdReport.Parse(TdReport.Build(tdx, ReportData, version));

        Assert.Equal(version, report.ReportVersion);
        Assert.Equal(version == 1, report.HasServTdHash);
        Assert.Equal(version == 1, report.HasTeeTcbSvn2);
        Assert.True(report.InternalHashesMatch());
    }

    [Fact]
    public void A_tdreport_built_after_an_extend_differs_from_one_built_before()
    {
        using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
        byte[] before = TdReport.Build(tdx, ReportData);
        tdx.Rtmr2.Extend(Sha384Digest.Compute("late event"u8));

        byte[] after = TdReport.Build(tdx, ReportData);

        Assert.NotEqual(TdReport.Parse(before).Rtmr2, TdReport.Parse(after).Rtmr2);
        Assert.NotEqual(TdReport.Parse(before).TeeInfoHash, TdReport.Parse(after).TeeInfoHash);
        Assert.Equal(TdReport.Parse(before).Rtmr3, TdReport.Parse(after).Rtmr3);
    }

    private static byte[] Filled(int length, byte value)
    {
        byte[] bytes = new byte[length];
        bytes.AsSpan().Fill(value);
        return bytes;
    }
}
