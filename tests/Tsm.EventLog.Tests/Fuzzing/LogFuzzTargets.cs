using System.Buffers.Binary;
using Tsm.EventLog.Aael;
using Tsm.EventLog.Cel;
using Tsm.EventLog.Tcg;
using Tsm.EventLog.Tests.Infrastructure;

namespace Tsm.EventLog.Tests.Fuzzing;

/// <summary>The real inputs of every reader, with the offsets of their size and count fields read from the parsed sample.</summary>
internal static class LogFuzzTargets
{
    /// <summary>Each TCG log cut 16 bytes after its last event: the fill of a 1 MiB CCEL adds nothing but time to every truncation.</summary>
    public static List<LogSample> TcgLogs() => Logs.All().Select(f => (string)f[0]).Where(f => !f.StartsWith("eventlog/cel/", StringComparison.Ordinal)).Select(Tcg).ToList();

    public static List<LogSample> CelLogs()
    {
        byte[] bytes = SampleData.Read(Logs.AgentCel);
        var fields = new List<SizeField>();
        foreach (CelRecord record in CelTlvLog.Read(bytes))
        {
            for (int at = record.Offset; at < record.Offset + record.Raw.Length;)
            {
                fields.Add(new SizeField(at + 1, 4, BigEndian: true));
                uint length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 1));
                // Step into the digests TLV to reach the nested digest TLVs; skip over every other value.
                at += bytes[at] == 3 && at > record.Offset ? 5 : 5 + (int)length;
            }
        }

        return [new LogSample(Logs.AgentCel, bytes, fields)];
    }

    public static List<LogSample> AaelLogs()
    {
        var writer = new AaelWriter(MeasurementHash.Sha384, new byte[48]);
        writer.Append("github.com/confidential-containers", "PullImage", """{"digest":"sha256:aa","image":"busybox"}""");
        writer.Append("coco.com", "some-operation", "some content with spaces");
        return [new LogSample("aael (written)", writer.ToArray(), [])];
    }

    public static List<LogSample> CcelTables() => [new LogSample(Logs.GoTdxCcelTable, SampleData.Read(Logs.GoTdxCcelTable), [new SizeField(4, 4, false)])];

    /// <summary>PCR values as tpm2_pcrread YAML and as replay JSON (the RHEL 8 log's values), and the go-tdx-guest quote.</summary>
    public static List<LogSample> Evidence()
    {
        EventLogFile rhel = Logs.Read(Logs.Rhel8);
        var yaml = new System.Text.StringBuilder("sha256:\n");
        var json = new System.Text.StringBuilder("{\"format\": \"tcg-agile\", \"registers\": {");
        foreach (var value in rhel.Replay().Where(v => v.Bank == MeasurementHash.Sha256))
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  {value.Register.Index} : 0x{Convert.ToHexString(value.Value.Span)}\n");
            json.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"{value.Name}\": {{\"sha256\": \"{Logs.Hex(value.Value)}\"}},");
        }

        json.Length--;
        json.Append("}}");
        return
        [
            new LogSample("tpm2_pcrread yaml", System.Text.Encoding.ASCII.GetBytes(yaml.ToString()), []),
            new LogSample("replay json", System.Text.Encoding.ASCII.GetBytes(json.ToString()), []),
            new LogSample(Logs.GoTdxQuote, SampleData.Read(Logs.GoTdxQuote)[..4935], []),
        ];
    }

    public static List<LogSample> CelJsonLogs() => [new LogSample("cel json (from the agent cel)", CelJson.FromTlv(SampleData.Read(Logs.AgentCel)), [])];

    private static LogSample Tcg(string file)
    {
        byte[] full = SampleData.Read(file);
        TcgLog log = TcgLog.Read(full);
        byte[] bytes = full[..Math.Min(full.Length, log.Length + 16)];
        var fields = new List<SizeField> { new(28, 4, false) };
        if (log.IsCryptoAgile)
        {
            fields.Add(new SizeField(32 + 24, 4, false));
        }

        foreach (TcgEvent e in TcgLog.Read(bytes))
        {
            if (e.IsSpecIdHeader || !log.IsCryptoAgile)
            {
                fields.Add(new SizeField(e.Offset + 28, 4, false));
            }
            else
            {
                fields.Add(new SizeField(e.Offset + 8, 4, false));
                fields.Add(new SizeField(e.Offset + 12 + e.Digests.Raw.Length, 4, false));
            }
        }

        return new LogSample(file, bytes, fields);
    }
}
