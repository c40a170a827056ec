using System.Security.Cryptography;
using System.Text;
using Tsm.EventLog.Aael;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Tests.Infrastructure;
using Tsm.EventLog.Verification;

namespace Tsm.EventLog.Tests;

/// <summary>The attestation-agent event log: hardware reference §6.3 and the AAEL records inside trustee's Alibaba Cloud CCEL.</summary>
public sealed class AaelLogTests
{
    private static readonly string Zeros384 = new('0', 96);

    [Fact]
    public void Each_line_is_hashed_without_its_lf_matching_the_spec_test_vector()
    {
        byte[] text = Encoding.ASCII.GetBytes($"INIT sha256/{new string('0', 64)}\ndomain operation content\n");
        var lines = new List<string>();
        foreach (AaelEntry entry in AaelLog.Read(text))
        {
            lines.Add(entry.IsInit ? "INIT" : $"{Encoding.ASCII.GetString(entry.Domain)}|{Encoding.ASCII.GetString(entry.Operation)}|{Encoding.ASCII.GetString(entry.Content)}");
        }

        byte[] init = SHA256.HashData(text.AsSpan(0, text.AsSpan().IndexOf((byte)'\n')));
        byte[] afterInit = SHA256.HashData([.. new byte[32], .. init]);
        // Hardware reference §6.3: H("domain operation content") = 65aad3b1….
        byte[] expected = SHA256.HashData([.. afterInit, .. Convert.FromHexString("65aad3b1620d4fe224d727579db2db87ff5c033f3e4424ae0fd72eb1149d3bd5")]);

        Assert.Equal(["INIT", "domain|operation|content"], lines);
        Assert.Equal(expected, EventLogFile.Read(text).Replay().Find("rtmr3", MeasurementHash.Sha256)!.Value.ToArray());
    }

    [Fact]
    public void Replay_starts_from_the_init_value()
    {
        string init = "ab" + new string('0', 94);
        byte[] text = Encoding.ASCII.GetBytes($"INIT sha384/{init}\n");
        byte[] expected = SHA384.HashData([.. Convert.FromHexString(init), .. SHA384.HashData(text.AsSpan(0, text.Length - 1))]);

        Assert.Equal(expected, EventLogFile.Read(text).Replay()[0].Value.ToArray());
    }

    [Fact]
    public void The_writer_writes_what_the_reader_reads()
    {
        var writer = new AaelWriter(MeasurementHash.Sha384, new byte[48]);
        writer.Append("github.com/confidential-containers", "PullImage", """{"digest":"sha256:00","image":"busybox"}""");

        byte[] text = writer.ToArray();
        AaelLog log = AaelLog.Read(text);

        Assert.Equal($"INIT sha384/{Zeros384}\ngithub.com/confidential-containers PullImage {{\"digest\":\"sha256:00\",\"image\":\"busybox\"}}\n", Encoding.ASCII.GetString(text));
        Assert.Equal(2, log.Count);
        Assert.Equal(MeasurementHash.Sha384, log.Hash);
    }

    [Theory]
    [InlineData("", 1, "starts with an INIT line")]
    [InlineData("INIT/sha384 00\n", 1, "the first line must be")]
    [InlineData("INIT sha384/00\n", 1, "96 hex digits")]
    [InlineData("INIT sha384/{0}\nnospace\n", 2, "non-empty domain and operation")]
    [InlineData("INIT sha384/{0}\na b c\r\n", 2, "0x0d is not printable ASCII")]
    [InlineData("INIT sha384/{0}\nINIT sha384/{0}\n", 2, "INIT may only be the first line")]
    [InlineData("INIT sha384/{0}\na b c", 2, "no LF")]
    public void A_malformed_line_is_rejected_naming_the_line(string template, int line, string reason)
    {
        byte[] text = Encoding.ASCII.GetBytes(template.Replace("{0}", Zeros384, StringComparison.Ordinal));

        var error = Assert.Throws<EventLogFormatException>(() => AaelLog.Read(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason);
    }

    [SampleDataFact]
    public void A_ccel_for_rtmr0_to_2_and_an_aael_for_rtmr3_verify_together()
    {
        var writer = new AaelWriter(MeasurementHash.Sha384, new byte[48]);
        writer.Append("coco.com", "some-operation", "some-content");
        EventLogFile aael = EventLogFile.Read(writer.ToArray());
        EventLogFile ccel = Logs.Read(Logs.GoTdxCcel);
        var logs = new[] { ccel, aael };
        var replayed = Replay.LogReplay.Replay(logs);
        var stated = ExpectedRegisters.FromTdQuote(SampleData.Read(Logs.GoTdxQuote)).Registers
            .Select(r => r.Register == RegisterId.Rtmr(3) ? r with { Value = replayed.Find("rtmr3", MeasurementHash.Sha384)!.Value } : r).ToList();

        LogVerification result = LogVerifier.Verify(logs, ExpectedRegisters.FromValues(EvidenceKind.TdQuote, stated));

        Assert.True(result.IsVerified);
        Assert.Equal(VerdictKind.Match, result.Verdicts.Single(v => v.Register == RegisterId.Rtmr(3)).Kind);
        Assert.Equal(2, result.Verdicts.Single(v => v.Register == RegisterId.Rtmr(3)).EventCount);
    }
}
