using Tsm.EventLog.Recording;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Tests.Infrastructure;

namespace Tsm.EventLog.Tests.Recording;

/// <summary>
/// A log that begins on a register firmware already measured into records that start in INIT; a verifier checks it
/// against the firmware's own log. trustee's alibabacloud CCEL (trustee deps/eventlog/test_data/CCEL_AAEL_alibabacloud) extends RTMR3 to 5e4ecd49…17257dad.
/// </summary>
public sealed class BaselineTests
{
    private const string RtmrThreeCcel = "eventlog/ccel/trustee_CCEL_AAEL_alibabacloud.bin";
    private const string OvmfCcel = "eventlog/ccel/trustee_CCEL_data_ovmf.bin";

    [SampleDataFact]
    public void An_INIT_start_is_checked_against_the_CCEL_that_explains_it()
    {
        EventLogFile ccel = Logs.Read(RtmrThreeCcel);
        byte[] firmwareRtmr3 = Assert.Single(ccel.Replay(), v => v.Register == RegisterId.Rtmr(3)).Value.ToArray();
        var backend = TsmBackend.Emulated();
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication(backend);
        backend.Device(rtmr3.Session.Definition).SetValue("rtmr3", firmwareRtmr3);
        using MeasurementLog log = MeasurementLog.Open(RecordingPlatforms.NewLogPath(), rtmr3);
        log.Record("example.com", "Start", "after firmware");

        MeasurementLogCheck withoutFirmwareLog = MeasurementLog.Check(log.Path, rtmr3);
        MeasurementLogCheck explained = MeasurementLog.Check(log.Path, rtmr3, ccel);
        MeasurementLogCheck unexplained = MeasurementLog.Check(log.Path, rtmr3, Logs.Read(OvmfCcel));

        Assert.StartsWith("5e4ecd49", Convert.ToHexStringLower(firmwareRtmr3), StringComparison.Ordinal);
        Assert.True(withoutFirmwareLog.IsVerified);
        Assert.False(Assert.Single(withoutFirmwareLog.Baseline).Matches);
        Assert.True(explained.IsVerified);
        Assert.True(Assert.Single(explained.Baseline).Matches);
        Assert.False(unexplained.IsVerified);
        BaselineCheck start = Assert.Single(unexplained.Baseline);
        Assert.Equal(new string('0', 96), start.ExpectedHex);
        Assert.Equal(Convert.ToHexStringLower(firmwareRtmr3), start.RecordedHex);
    }
}
