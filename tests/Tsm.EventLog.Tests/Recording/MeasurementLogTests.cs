using System.Security.Cryptography;
using System.Text;
using Tsm.EventLog.Recording;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;

namespace Tsm.EventLog.Tests.Recording;

public sealed class MeasurementLogTests
{
    [Fact]
    public void A_new_log_starts_with_INIT_holding_the_register_value_and_extends_the_INIT_line()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();

        using MeasurementLog log = MeasurementLog.Open(path, rtmr3);

        string init = "INIT sha384/" + new string('0', 96);
        Assert.Equal(MeasurementRecovery.Created, log.Recovery);
        Assert.Equal(init + "\n", File.ReadAllText(path));
        Assert.Equal(Extend(new byte[48], init), RecordingPlatforms.Read(rtmr3));
    }

    [Fact]
    public void Recorded_events_replay_with_the_event_log_reader_to_the_register_value()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, rtmr3);

        RecordedEvent first = log.Record("github.com/confidential-containers", "PullImage", "{\"digest\":\"sha256:00\",\"image\":\"busybox\"}");
        log.Record("example.com", "Start", "worker 1");

        Assert.Equal(1, first.Number);
        Assert.Equal(SHA384.HashData(Encoding.ASCII.GetBytes(first.Line)), first.Digests[0].Bytes.ToArray());
        EventLogFile file = EventLogFile.Load(path);
        Assert.Equal(EventLogFormat.Aael, file.Format);
        RegisterValue replayed = Assert.Single(file.Replay(), v => v.Register == RegisterId.Rtmr(3));
        Assert.Equal(RecordingPlatforms.Read(rtmr3), replayed.Value.ToArray());
        Assert.True(MeasurementLog.Check(path, rtmr3).IsVerified);
    }

    [Fact]
    public void On_a_TPM_every_bank_of_PCR_23_is_extended_with_its_own_digest_and_INIT_records_the_sha384_bank()
    {
        LogicalRegister pcr23 = RecordingPlatforms.TpmApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, pcr23);

        log.Record("example.com", "Load", "module a");

        string[] lines = File.ReadAllLines(path);
        Assert.StartsWith("INIT sha384/", lines[0], StringComparison.Ordinal);
        AgileDigest[] values = pcr23.Read();
        Assert.Equal(4, values.Length);
        foreach (AgileDigest value in values)
        {
            byte[] expected = new byte[value.Length];
            foreach (string line in lines)
            {
                expected = Extend(value.Algorithm, expected, line);
            }

            Assert.Equal(expected, value.Bytes.ToArray());
        }

        MeasurementLogCheck check = MeasurementLog.Check(path, pcr23);
        Assert.True(check.IsVerified);
        Assert.Equal(["pcr23:sha1", "pcr23:sha256", "pcr23:sha384", "pcr23:sha512"], check.Banks.Select(b => b.Register));
    }

    [Theory]
    [InlineData(MeasurementHash.Sha256)]
    [InlineData(MeasurementHash.Sha512)]
    public void On_Arm_CCA_the_REM_is_extended_with_the_hash_the_realm_chose(MeasurementHash realmHash)
    {
        LogicalRegister rem3 = RecordingPlatforms.CcaApplication(realmHash);
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, rem3);

        log.Record("example.com", "Run", "job");

        Assert.StartsWith($"INIT {MeasurementHashInfo.KernelName(realmHash)}/", File.ReadAllLines(path)[0], StringComparison.Ordinal);
        Assert.Equal(MeasurementHashInfo.DigestSize(realmHash), RecordingPlatforms.Read(rem3).Length);
        Assert.True(MeasurementLog.Check(path, rem3).IsVerified);
    }

    [Fact]
    public void A_register_that_was_not_zero_when_the_log_began_is_the_INIT_value()
    {
        var backend = TsmBackend.Emulated();
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication(backend);
        rtmr3.ExtendEvent("firmware event"u8);
        byte[] before = RecordingPlatforms.Read(rtmr3);

        using MeasurementLog log = MeasurementLog.Open(RecordingPlatforms.NewLogPath(), rtmr3);

        Assert.Equal("INIT sha384/" + Convert.ToHexStringLower(before), File.ReadAllLines(log.Path)[0]);
        Assert.True(MeasurementLog.Check(log.Path, rtmr3).IsVerified);
    }

    [Fact]
    public void An_entry_that_was_durable_but_not_extended_is_completed_when_the_log_is_opened_again()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using (MeasurementLog log = MeasurementLog.Open(path, rtmr3, new MeasurementLogOptions { OnStep = StopAt(MeasurementLogStep.AfterFsync) }))
        {
            Assert.Throws<WriterStopped>(() => log.Record("example.com", "Start", "x"));
        }

        MeasurementLogCheck pending = MeasurementLog.Check(path, rtmr3);
        Assert.False(pending.IsVerified);
        Assert.True(Assert.Single(pending.Banks).IsPending);

        using MeasurementLog reopened = MeasurementLog.Open(path, rtmr3);

        Assert.Equal(MeasurementRecovery.CompletedLastEntry, reopened.Recovery);
        Assert.Equal(2, reopened.Count);
        Assert.True(MeasurementLog.Check(path, rtmr3).IsVerified);
    }

    [Fact]
    public void Another_writer_completes_an_entry_a_stopped_writer_left_unextended_before_recording_its_own()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog healthy = MeasurementLog.Open(path, rtmr3);
        using MeasurementLog stopping = MeasurementLog.Open(path, rtmr3, new MeasurementLogOptions { OnStep = StopAt(MeasurementLogStep.AfterFsync) });
        Assert.Throws<WriterStopped>(() => stopping.Record("example.com", "Lost", "x"));

        healthy.Record("example.com", "Next", "y");

        MeasurementLogCheck check = MeasurementLog.Check(path, rtmr3);
        Assert.True(check.IsVerified);
        Assert.Equal(["Lost", "Next"], check.Entries.Skip(1).Select(e => e.Operation));
    }

    [Fact]
    public void A_partial_last_line_is_cut_off_on_open_and_the_register_is_left_as_it_was()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using (MeasurementLog.Open(path, rtmr3))
        {
        }

        long complete = new FileInfo(path).Length;
        File.AppendAllText(path, "example.com Half");
        byte[] before = RecordingPlatforms.Read(rtmr3);

        using MeasurementLog log = MeasurementLog.Open(path, rtmr3);

        Assert.Equal(MeasurementRecovery.DiscardedPartialEntry, log.Recovery);
        Assert.Equal(complete, new FileInfo(path).Length);
        Assert.Equal(before, RecordingPlatforms.Read(rtmr3));
    }

    [Fact]
    public void A_register_extended_behind_the_log_is_refused_with_both_values_and_nothing_is_written()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, rtmr3);
        log.Record("example.com", "Start", "a");
        long length = new FileInfo(path).Length;
        string expected = Convert.ToHexStringLower(RecordingPlatforms.Read(rtmr3));
        rtmr3.ExtendEvent("behind the log's back"u8);
        string actual = Convert.ToHexStringLower(RecordingPlatforms.Read(rtmr3));

        var refused = Assert.Throws<MeasurementLogMismatchException>(() => log.Record("example.com", "Start", "b"));
        var reopened = Assert.Throws<MeasurementLogMismatchException>(() => MeasurementLog.Open(path, rtmr3));

        Assert.Equal(length, new FileInfo(path).Length);
        Assert.Equal(actual, refused.ActualHex);
        Assert.Equal(expected, refused.ExpectedHex);
        Assert.Contains(actual, reopened.Message, StringComparison.Ordinal);
        Assert.Contains(expected, reopened.Message, StringComparison.Ordinal);
        Assert.Equal("rtmr3:sha384", refused.Register);
        Assert.Equal(-1, Assert.Single(MeasurementLog.Check(path, rtmr3).Banks).ExplainedBy);
    }

    [Fact]
    public void A_record_that_would_pass_the_size_bound_is_refused_before_anything_is_written_or_extended()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, rtmr3, new MeasurementLogOptions { MaxSize = 200 });
        long length = new FileInfo(path).Length;
        byte[] before = RecordingPlatforms.Read(rtmr3);

        var full = Assert.Throws<MeasurementLogException>(() => log.Record("example.com", "Big", new string('x', 200)));

        Assert.Contains("full", full.Message, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(path).Length);
        Assert.Equal(before, RecordingPlatforms.Read(rtmr3));
    }

    [Fact]
    public void Events_that_are_not_AAEL_text_are_refused_before_the_log_is_touched()
    {
        using MeasurementLog log = MeasurementLog.Open(RecordingPlatforms.NewLogPath(), RecordingPlatforms.TdxApplication());

        Assert.Throws<ArgumentException>(() => log.Record("has space", "Op", "c"));
        Assert.Throws<ArgumentException>(() => log.Record("d", "", "c"));
        Assert.Throws<ArgumentException>(() => log.Record("d", "Op", "line\nbreak"));
        Assert.Throws<ArgumentException>(() => log.Record("INIT", "sha384/00", "c"));
        Assert.Single(File.ReadAllLines(log.Path));
    }

    [Fact]
    public void A_file_that_is_not_an_AAEL_is_refused_naming_the_line_and_offset()
    {
        string path = RecordingPlatforms.NewLogPath();
        File.WriteAllText(path, "INIT sha384/" + new string('0', 96) + "\nno-operation\n");

        var error = Assert.Throws<MeasurementLogException>(() => MeasurementLog.Open(path, RecordingPlatforms.TdxApplication()));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_of_another_hash_is_refused_as_belonging_to_another_register()
    {
        string path = RecordingPlatforms.NewLogPath();
        File.WriteAllText(path, "INIT sha256/" + new string('0', 64) + "\n");

        var error = Assert.Throws<MeasurementLogException>(() => MeasurementLog.Open(path, RecordingPlatforms.TdxApplication()));

        Assert.Contains("another register", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eight_writers_in_one_process_record_every_event_exactly_once_in_each_writers_order()
    {
        var backend = TsmBackend.Emulated();
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication(backend);
        string path = RecordingPlatforms.NewLogPath();
        using (MeasurementLog.Open(path, rtmr3))
        {
        }

        Parallel.For(0, 8, writer =>
        {
            using MeasurementLog log = MeasurementLog.Open(path, RecordingPlatforms.TdxApplication(backend));
            for (int i = 0; i < 25; i++)
            {
                log.Record("example.com", $"writer{writer}", $"event {i}");
            }
        });

        MeasurementLogCheck check = MeasurementLog.Check(path, rtmr3);
        Assert.True(check.IsVerified);
        Assert.Equal(1 + (8 * 25), check.Entries.Count);
        for (int writer = 0; writer < 8; writer++)
        {
            Assert.Equal(Enumerable.Range(0, 25).Select(i => $"event {i}"), check.Entries.Where(e => e.Operation == $"writer{writer}").Select(e => e.Content));
        }
    }

    private static Action<MeasurementLogStep> StopAt(MeasurementLogStep step) => current =>
    {
        if (current == step)
        {
            throw new WriterStopped();
        }
    };

    private static byte[] Extend(byte[] value, string line) => Extend(MeasurementHash.Sha384, value, line);

    private static byte[] Extend(MeasurementHash hash, byte[] value, string line)
    {
        byte[] digest = AgileDigest.Compute(hash, Encoding.ASCII.GetBytes(line)).Bytes.ToArray();
        return AgileDigest.Compute(hash, [.. value, .. digest]).Bytes.ToArray();
    }

    private sealed class WriterStopped : Exception;
}
