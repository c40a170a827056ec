using System.Buffers.Binary;
using Tsm.EventLog.Tcg;
using Tsm.EventLog.Tests.Infrastructure;

namespace Tsm.EventLog.Tests;

/// <summary>Reading TCG PC Client logs: formats, event counts and ends as MANIFEST.md §5 decodes them, padding, round trips.</summary>
public sealed class TcgLogReaderTests
{
    [SampleDataTheory]
    // MANIFEST §5a/§5b: "log end / events" and the formats decoded there.
    [InlineData(Logs.GoTdxCcel, EventLogFormat.Ccel, 18101, 44)]
    [InlineData(Logs.DupeSeparator, EventLogFormat.Ccel, 18101, 44)]
    [InlineData(Logs.TrusteeCcel, EventLogFormat.Ccel, 9822, 6)]
    [InlineData(Logs.TrusteeOvmf, EventLogFormat.Ccel, 2120, 21)]
    [InlineData(Logs.TrusteeGrub, EventLogFormat.Ccel, 15130, 38)]
    [InlineData("eventlog/ccel/trustee_CCEL_data_gcp.bin", EventLogFormat.Ccel, 20349, 22)]
    [InlineData("eventlog/ccel/trustee_CCEL_data_grub_gke.bin", EventLogFormat.Ccel, 21897, 36)]
    [InlineData(Logs.TrusteeAlibaba, EventLogFormat.Ccel, 11707, 88)]
    [InlineData(Logs.CcApi, EventLogFormat.Ccel, 15812, 99)]
    [InlineData(Logs.Rhel8, EventLogFormat.TcgAgile, 34034, 83)]
    [InlineData(Logs.Ubuntu1804, EventLogFormat.TcgAgile, 26013, 88)]
    [InlineData(Logs.Cos101, EventLogFormat.TcgAgile, 23050, 49)]
    [InlineData(Logs.Debian10, EventLogFormat.TcgSha1, 22220, 25)]
    [InlineData(Logs.ArchLinux, EventLogFormat.TcgAgile, 15579, 25)]
    [InlineData(Logs.GLinuxAlex, EventLogFormat.TcgAgile, 15881, 29)]
    public void A_real_log_reads_to_its_last_event_with_its_format_detected(string file, EventLogFormat format, int end, int events)
    {
        byte[] bytes = SampleData.Read(file);

        TcgLog log = TcgLog.Read(bytes);

        Assert.Equal(format, EventLogDetector.Detect(bytes));
        Assert.Equal(end, log.Length);
        Assert.Equal(events, log.Count);
        Assert.True(log.Padding.IndexOfAnyExcept((byte)0) < 0 || log.Padding.IndexOfAnyExcept((byte)0xFF) < 0);
    }

    [SampleDataFact]
    public void The_spec_id_event_gives_the_banks_and_digest_sizes()
    {
        TcgLog rhel = TcgLog.Read(SampleData.Read(Logs.Rhel8));
        TcgLog tdShim = TcgLog.Read(SampleData.Read(Logs.TrusteeCcel));

        Assert.Equal([new(TpmAlgorithm.Sha1, 20), new(TpmAlgorithm.Sha256, 32), new SpecIdAlgorithm(TpmAlgorithm.Sha384, 48)], Algorithms(rhel.SpecId));
        Assert.Equal([new SpecIdAlgorithm(TpmAlgorithm.Sha384, 48)], Algorithms(tdShim.SpecId));
        Assert.Equal("td-shim"u8.ToArray(), tdShim.SpecId.VendorInfo.ToArray());
        Assert.Equal(2, rhel.SpecId.SpecVersionMajor);
    }

    [SampleDataFact]
    public void Glinux_alex_has_startup_locality_3_so_pcr0_starts_at_0_0_3()
    {
        // MANIFEST §5b: "StartupLocality=3 (PCR0 starts at 00…03)"; its stated PCR0 only comes out from that start.
        TcgLog log = TcgLog.Read(SampleData.Read(Logs.GLinuxAlex));

        Assert.True(log.TryGetStartupLocality(out byte locality));
        Assert.Equal(3, locality);
        Assert.False(TcgLog.Read(SampleData.Read(Logs.Rhel8)).TryGetStartupLocality(out _));
    }

    [SampleDataTheory]
    [MemberData(nameof(TcgLogs))]
    public void Writing_every_event_of_a_real_log_again_gives_the_same_bytes(string file)
    {
        byte[] bytes = SampleData.Read(file);
        TcgLog log = TcgLog.Read(bytes);

        TcgLogWriter writer = log.IsCryptoAgile ? TcgLogWriter.CreateCryptoAgile(log.SpecId.Data, BinaryPrimitives.ReadUInt32LittleEndian(bytes)) : TcgLogWriter.CreateSha1();
        foreach (TcgEvent e in log)
        {
            if (!e.IsSpecIdHeader)
            {
                writer.Append(e.Index, e.Type, Digests(e), e.Data);
            }
        }

        writer.AppendPadding(log.Padding.IsEmpty ? (byte)0 : log.Padding[0], log.Padding.Length);
        Assert.Equal(bytes, writer.ToArray());
    }

    [Fact]
    public void A_written_log_reads_back_with_its_events()
    {
        byte[] specId = SpecIdEvent.Encode([new SpecIdAlgorithm(TpmAlgorithm.Sha256, 32)]);
        TcgLogWriter writer = TcgLogWriter.CreateCryptoAgile(specId);
        writer.Append(7, TcgEventType.Separator, [AgileDigest.Compute(MeasurementHash.Sha256, [0, 0, 0, 0])], [0, 0, 0, 0]);

        TcgLog log = TcgLog.Read(writer.ToArray());

        Assert.Equal(2, log.Count);
        TcgEventEnumerator events = log.GetEnumerator();
        Assert.True(events.MoveNext());
        Assert.True(events.Current.IsSpecIdHeader);
        Assert.True(events.MoveNext());
        Assert.Equal(7u, events.Current.Index);
        Assert.Equal("EV_SEPARATOR", events.Current.Type.SpecName());
        Assert.True(events.Current.Digests.TryGet(TpmAlgorithm.Sha256, out ReadOnlySpan<byte> digest));
        Assert.Equal(AgileDigest.Compute(MeasurementHash.Sha256, [0, 0, 0, 0]).Bytes.ToArray(), digest.ToArray());
        Assert.False(events.MoveNext());
    }

    [SampleDataFact]
    public void A_digest_whose_algorithm_the_spec_id_event_does_not_name_is_rejected_at_its_offset()
    {
        byte[] bytes = SampleData.Read(Logs.GoTdxCcel);
        int second = FirstEventOffset(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(second + 12), (ushort)TpmAlgorithm.Sha256);

        var error = Assert.Throws<EventLogFormatException>(() => TcgLog.Read(bytes));

        Assert.Equal(second + 12, error.Offset);
        Assert.Contains("0x000b is not one of the Spec ID event's algorithms", error.Message);
    }

    [SampleDataFact]
    public void An_event_size_past_the_end_is_rejected_at_the_size_field()
    {
        byte[] bytes = SampleData.Read(Logs.DupeSeparator);
        int second = FirstEventOffset(bytes);
        int sizeField = second + 12 + 2 + 48;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(sizeField), uint.MaxValue);

        var error = Assert.Throws<EventLogFormatException>(() => TcgLog.Read(bytes));

        Assert.Equal(sizeField, error.Offset);
        Assert.Equal("tcg-agile", error.Format);
        Assert.False(TcgLog.TryRead(bytes, out _));
    }

    [Fact]
    public void Empty_input_is_rejected_at_offset_0()
    {
        var error = Assert.Throws<EventLogFormatException>(() => TcgLog.Read([]));

        Assert.Equal(0, error.Offset);
    }

    public static IEnumerable<object[]> TcgLogs() => Logs.All().Where(f => !((string)f[0]).StartsWith("eventlog/cel/", StringComparison.Ordinal));

    private static int FirstEventOffset(byte[] bytes) => 32 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(28));

    private static List<SpecIdAlgorithm> Algorithms(SpecIdEvent specId)
    {
        var list = new List<SpecIdAlgorithm>();
        foreach (SpecIdAlgorithm algorithm in specId.Algorithms)
        {
            list.Add(algorithm);
        }

        return list;
    }

    private static AgileDigest[] Digests(TcgEvent e)
    {
        var digests = new List<AgileDigest>();
        foreach (TcgDigest digest in e.Digests)
        {
            digests.Add(new AgileDigest(digest.Algorithm.ToMeasurementHash(), digest.Bytes));
        }

        return [.. digests];
    }
}
