using System.Security.Cryptography;
using System.Text;
using Tsm.EventLog.Recording;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;
using Tsm.EventLog.Tests.Recording.Events;

namespace Tsm.EventLog.Tests.Recording;

/// <summary>Generated <c>[MeasurementEvent]</c> records through <see cref="MeasurementLog.Record(IMeasurementEvent)"/> on the emulator.</summary>
public sealed class TypedEventRecordingTests
{
    private const string Digest = "sha256:9d75f0d7c398df565d7ac04c6819b62d6d8f9560f5eb4672596ecd8f7e96ae91";

    private const string PullLine =
        "github.com/confidential-containers PullImage {\"digest\":\"" + Digest + "\",\"image\":\"docker.io/library/busybox:1.36\"}";

    [Fact]
    public void A_typed_event_is_logged_as_its_canonical_line_and_extended_as_the_hash_of_that_line()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, rtmr3);
        byte[] afterInit = RecordingPlatforms.Read(rtmr3);

        RecordedEvent recorded = log.Record(new PullImage("docker.io/library/busybox:1.36", Digest));

        Assert.Equal(PullLine, recorded.Line);
        Assert.Equal(PullLine, File.ReadAllLines(path)[1]);
        byte[] digest = SHA384.HashData(Encoding.ASCII.GetBytes(PullLine));
        Assert.Equal("3e7bc4b2596189cbe2d6d92d07e975424086c11d101a43fdf04373f58b1593e38f7ae265d0cb54ca3626ca31942db859", Convert.ToHexStringLower(digest));
        Assert.Equal(digest, recorded.Digests[0].Bytes.ToArray());
        Assert.Equal(SHA384.HashData([.. afterInit, .. digest]), RecordingPlatforms.Read(rtmr3));
    }

    [Fact]
    public void A_log_of_typed_events_replays_to_the_register_and_verifies()
    {
        LogicalRegister rtmr3 = RecordingPlatforms.TdxApplication();
        string path = RecordingPlatforms.NewLogPath();
        using MeasurementLog log = MeasurementLog.Open(path, rtmr3);

        log.Record(new PullImage("docker.io/library/busybox:1.36", Digest));
        log.Record(new Annotation("started \"worker\" \\ 1", 2));

        Assert.Equal("example.com/agent Annotate {\"sequence\":2,\"text\":\"started \\\"worker\\\" \\\\ 1\"}", File.ReadAllLines(path)[2]);
        RegisterValue replayed = Assert.Single(EventLogFile.Load(path).Replay(), v => v.Register == RegisterId.Rtmr(3));
        Assert.Equal(RecordingPlatforms.Read(rtmr3), replayed.Value.ToArray());
        Assert.True(MeasurementLog.Check(path, rtmr3).IsVerified);
    }

    [Theory]
    [InlineData("caf\u00e9", "U+00E9")]
    [InlineData("\ud83d\ude00", "U+D83D")]
    [InlineData("del\u007f", "U+007F")]
    public void Content_that_is_not_printable_ASCII_is_refused_before_the_log_is_touched(string text, string character)
    {
        using MeasurementLog log = MeasurementLog.Open(RecordingPlatforms.NewLogPath(), RecordingPlatforms.TdxApplication());
        var annotation = new Annotation(text, 1);

        ArgumentException refused = Assert.Throws<ArgumentException>(() => log.Record(annotation));

        Assert.Equal("content", refused.ParamName);
        Assert.Contains(character, refused.Message, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(log.Path));
    }

    [Fact]
    public void An_event_whose_content_cannot_be_encoded_is_refused_naming_the_member()
    {
        using MeasurementLog log = MeasurementLog.Open(RecordingPlatforms.NewLogPath(), RecordingPlatforms.TdxApplication());

        ArgumentOutOfRangeException refused = Assert.Throws<ArgumentOutOfRangeException>(() => log.Record(new Annotation("x", long.MaxValue)));

        Assert.Equal("Sequence", refused.ParamName);
        Assert.Single(File.ReadAllLines(log.Path));
        Assert.Throws<ArgumentNullException>(() => log.Record((IMeasurementEvent)null!));
    }
}
