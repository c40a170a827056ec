using Tsm.EventLog.Recording;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;

namespace Tsm.EventLog.Tests.Recording;

public sealed class CelMeasurementLogTests
{
    private static readonly MeasurementLogOptions Cel = new() { Format = MeasurementLogFormat.CelTlv };

    [Fact]
    public void A_CEL_log_of_a_TPM_replays_with_the_CEL_reader_to_every_bank_of_PCR_23()
    {
        LogicalRegister pcr23 = RecordingPlatforms.TpmApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, pcr23, Cel);

        log.Record("github.com/confidential-containers", "PullImage", "{\"image\":\"busybox\"}");
        log.Record("example.com", "Start", "worker");

        EventLogFile file = EventLogFile.Load(path);
        Assert.Equal(EventLogFormat.CelTlv, file.Format);
        AgileDigest[] live = pcr23.Read();
        RegisterValues replayed = file.Replay();
        foreach (AgileDigest bank in live)
        {
            RegisterValue value = Assert.Single(replayed, v => v.Register == RegisterId.Pcr(23) && v.Bank == bank.Algorithm);
            Assert.Equal(bank.Bytes.ToArray(), value.Value.ToArray());
        }

        MeasurementLogCheck check = MeasurementLog.Check(path, pcr23);
        Assert.True(check.IsVerified);
        Assert.Equal(MeasurementLogFormat.CelTlv, check.Format);
        Assert.Equal(["INIT", "github.com/confidential-containers", "example.com"], check.Entries.Select(e => e.Domain ?? "INIT"));
    }

    [Fact]
    public void A_CEL_log_of_TDX_names_RTMR3_by_its_CC_MR_index_and_replays_with_the_CEL_reader()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, rtmr3, Cel);

        log.Record("example.com", "Start", "a");

        RegisterValue value = Assert.Single(EventLogFile.Load(path).Replay(), v => v.Register == RegisterId.Rtmr(3));
        Assert.Equal(RecordingPlatforms.Read(rtmr3), value.Value.ToArray());
    }

    [Fact]
    public void CEL_records_every_banks_start_so_a_TPM_whose_banks_are_not_at_reset_can_still_start_a_log()
    {
        var backend = TsmBackend.Emulated();
        LogicalRegister pcr23 = RecordingPlatforms.TpmApplication(backend);
        pcr23.ExtendEvent("an earlier stage"u8);

        Assert.Throws<MeasurementLogException>(() => MeasurementLog.Open(RecordingPlatforms.NewLogPath(), pcr23));
        using MeasurementLog log = MeasurementLog.Open(RecordingPlatforms.NewLogPath(), pcr23, Cel);
        log.Record("example.com", "Start", "a");

        Assert.True(MeasurementLog.Check(log.Path, pcr23).IsVerified);
    }

    [Fact]
    public void An_unfinished_CEL_record_is_cut_off_and_a_durable_unextended_one_is_completed()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using (MeasurementLog log = MeasurementLog.Open(path, rtmr3, new MeasurementLogOptions { Format = MeasurementLogFormat.CelTlv, OnStep = Stop(MeasurementLogStep.AfterFsync) }))
        {
            Assert.ThrowsAny<InvalidOperationException>(() => log.Record("example.com", "Start", "a"));
        }

        byte[] complete = File.ReadAllBytes(path);
        File.WriteAllBytes(path, [.. complete, .. complete.AsSpan(0, 7)]);

        using MeasurementLog reopened = MeasurementLog.Open(path, rtmr3);

        Assert.Equal(MeasurementLogFormat.CelTlv, reopened.Format);
        Assert.Equal(MeasurementRecovery.DiscardedPartialEntry, reopened.Recovery);
        Assert.Equal(complete, File.ReadAllBytes(path));
        Assert.True(MeasurementLog.Check(path, rtmr3).IsVerified);
    }

    [Fact]
    public void A_CEL_record_whose_digest_is_not_the_hash_of_its_event_is_refused_naming_the_record()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using (MeasurementLog log = MeasurementLog.Open(path, rtmr3, Cel))
        {
            log.Record("example.com", "Start", "a");
        }

        byte[] bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<MeasurementLogException>(() => MeasurementLog.Open(path, rtmr3));

        Assert.Contains("record 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CEL_has_no_index_for_an_Arm_CCA_REM_so_the_log_is_refused_before_anything_is_written()
    {
        string path = RecordingPlatforms.NewLogPath();

        var error = Assert.Throws<MeasurementLogException>(() => MeasurementLog.Open(path, RecordingPlatforms.CcaApplication(MeasurementHash.Sha256), Cel));

        Assert.Contains("AAEL", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    private static Action<MeasurementLogStep> Stop(MeasurementLogStep step) => current =>
    {
        if (current == step)
        {
            throw new InvalidOperationException("stopped");
        }
    };
}
