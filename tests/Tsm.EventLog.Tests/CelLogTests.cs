using System.Text;
using Tsm.EventLog.Cel;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Tcg;
using Tsm.EventLog.Tests.Infrastructure;
using Tsm.EventLog.Verification;

namespace Tsm.EventLog.Tests;

/// <summary>TCG CEL in TLV and JSON: go-tpm-tools' Confidential Space log (MANIFEST §5c) and hand-made records.</summary>
public sealed class CelLogTests
{
    [SampleDataFact]
    public void The_agent_cel_has_18_records_in_ccmr_4_that_replay_into_rtmr3()
    {
        // MANIFEST §5c: RECNUM 8 bytes, MR index type 0x6C (CCMR) value 4 = RTMR3, SHA-384 digests, COS content (0x50).
        byte[] bytes = SampleData.Read(Logs.AgentCel);
        CelTlvLog log = CelTlvLog.Read(bytes);
        var numbers = new List<ulong>();
        foreach (CelRecord record in log)
        {
            Assert.Equal(CelIndexType.CcMr, record.IndexType);
            Assert.Equal(4u, record.Index);
            Assert.Equal((byte)CelContentType.Cos, record.ContentType);
            numbers.Add(record.RecordNumber);
        }

        Assert.Equal(EventLogFormat.CelTlv, EventLogDetector.Detect(bytes));
        Assert.Equal(Enumerable.Range(0, 18).Select(i => (ulong)i), numbers);
        Assert.Equal(["rtmr3 sha384 18"], Logs.Read(Logs.AgentCel).Replay().Select(v => $"{v.Name} {MeasurementHashInfo.KernelName(v.Bank)} {v.EventCount}"));
    }

    [SampleDataFact]
    public void Every_cos_record_digest_is_the_hash_of_its_content_tlv()
    {
        EventLogFile log = Logs.Read(Logs.AgentCel);
        var rtmr3 = log.Replay().Find("rtmr3", MeasurementHash.Sha384)!;

        IReadOnlyList<ExplainedEvent> events = LogVerifier.Explain([log], new ExpectedRegister(RegisterId.Rtmr(3), MeasurementHash.Sha384, rtmr3.Value));

        Assert.Equal(18, events.Count);
        Assert.All(events, e => Assert.True(e.DataDigestAgrees));
        Assert.Equal("cos event 0: us-west1-docker.pkg.dev/confidential-space-images-dev/cs-cgpu-tests/cuda-vector-add:latest"[..40], log.Describe()[0].Description[..40]);
    }

    [SampleDataFact]
    public void The_agent_cel_round_trips_through_the_tlv_writer_and_through_json()
    {
        byte[] bytes = SampleData.Read(Logs.AgentCel);
        var writer = new CelTlvWriter();
        foreach (CelRecord record in CelTlvLog.Read(bytes))
        {
            var digests = new List<AgileDigest>();
            foreach (TcgDigest digest in record.Digests)
            {
                digests.Add(new AgileDigest(digest.Algorithm.ToMeasurementHash(), digest.Bytes));
            }

            writer.Append(record.RecordNumber, record.IndexType, record.Index, digests.ToArray(), record.ContentType, record.Content);
        }

        byte[] json = CelJson.FromTlv(bytes);

        Assert.Equal(bytes, writer.ToArray());
        Assert.Equal(EventLogFormat.CelJson, EventLogDetector.Detect(json));
        Assert.Equal(bytes, CelJson.ToTlv(json));
        Assert.Equal(Logs.Read(Logs.AgentCel).Replay().Select(v => v.ToString()), EventLogFile.Read(json).Replay().Select(v => v.ToString()));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    public void Systemd_content_is_read_under_both_numbers_the_drafts_give(byte type)
    {
        var writer = new CelTlvWriter();
        writer.Append(0, CelIndexType.Pcr, 15, [AgileDigest.Compute(MeasurementHash.Sha256, "x"u8)], type, "x"u8);

        EventLogFile log = EventLogFile.Read(writer.ToArray());

        Assert.Equal("systemd", log.Describe()[0].TypeName);
        Assert.Equal("pcr15", log.Describe()[0].Register.Name);
    }

    [Fact]
    public void A_pcclient_std_record_in_json_uses_the_tcg_event_type_and_its_digest_rule()
    {
        string separator = Convert.ToHexStringLower(AgileDigest.Compute(MeasurementHash.Sha256, [0, 0, 0, 1]).Bytes);
        string json = $$$"""[{"recnum": 0, "pcr": 7, "digests": [{"hashAlg": "sha256", "digest": "{{{separator}}}"}], "content_type": "pcclient_std", "content": {"event_type": 4, "event_data": "00000000"}}]""";
        EventLogFile log = EventLogFile.Read(Encoding.UTF8.GetBytes(json));
        var stated = new ExpectedRegister(RegisterId.Pcr(7), MeasurementHash.Sha256, log.Replay()[0].Value);

        ExplainedEvent e = Assert.Single(LogVerifier.Explain([log], stated));

        Assert.Equal("EV_SEPARATOR", e.TypeName);
        Assert.False(e.DataDigestAgrees);
    }

    [SampleDataFact]
    public void A_digest_tlv_of_the_wrong_size_is_rejected_at_its_offset()
    {
        byte[] bytes = SampleData.Read(Logs.AgentCel);
        int digestTlv = 13 + 6 + 5;
        bytes[digestTlv] = (byte)TpmAlgorithm.Sha256;

        var error = Assert.Throws<EventLogFormatException>(() => CelTlvLog.Read(bytes));

        Assert.Equal(digestTlv, error.Offset);
        Assert.Contains("a 0x0b digest is 32 bytes, not 48", error.Reason);
    }

    [Fact]
    public void Malformed_cel_json_names_the_line()
    {
        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(Encoding.UTF8.GetBytes("[\n{\"recnum\": 0,\n]")));

        Assert.Equal("cel-json", error.Format);
        Assert.Equal(3, error.Line);
    }
}
