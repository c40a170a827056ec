using System.Security.Cryptography;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Tests;

/// <summary>Initial values of replay: zeros, 0xFF… for PCR 17-22, 0…0&lt;locality&gt; for PCR0 after StartupLocality (an H-CRTM says 4).</summary>
public sealed class InitialValueTests
{
    private static readonly byte[] Digest = SHA256.HashData("measured"u8);

    [Fact]
    public void An_h_crtm_log_starts_pcr0_at_0_0_4_and_extends_its_hcrtm_event()
    {
        TcgLogWriter writer = TcgLogWriter.CreateCryptoAgile(SpecIdEvent.Encode([new SpecIdAlgorithm(TpmAlgorithm.Sha256, 32)]));
        writer.Append(0, TcgEventType.NoAction, [new AgileDigest(MeasurementHash.Sha256, new byte[32])], [.. StartupLocalityEvent.Signature, 4]);
        writer.Append(0, TcgEventType.EfiHcrtmEvent, [new AgileDigest(MeasurementHash.Sha256, Digest)], "HCRTM"u8);
        byte[] start = new byte[32];
        start[^1] = 4;

        var pcr0 = EventLogFile.Read(writer.ToArray()).Replay().Find(RegisterId.Pcr(0), MeasurementHash.Sha256)!;

        Assert.Equal(SHA256.HashData([.. start, .. Digest]), pcr0.Value.ToArray());
        Assert.Equal(1, pcr0.EventCount);
    }

    [Theory]
    [InlineData(16, 0x00)]
    [InlineData(17, 0xFF)]
    [InlineData(22, 0xFF)]
    [InlineData(23, 0x00)]
    public void Pcrs_17_to_22_start_all_ones_and_the_others_at_zero(int pcr, byte fill)
    {
        TcgLogWriter writer = TcgLogWriter.CreateCryptoAgile(SpecIdEvent.Encode([new SpecIdAlgorithm(TpmAlgorithm.Sha256, 32)]));
        writer.Append((uint)pcr, TcgEventType.Ipl, [new AgileDigest(MeasurementHash.Sha256, Digest)], "x"u8);

        var value = EventLogFile.Read(writer.ToArray()).Replay().Find(RegisterId.Pcr(pcr), MeasurementHash.Sha256)!;

        Assert.Equal(SHA256.HashData([.. Enumerable.Repeat(fill, 32), .. Digest]), value.Value.ToArray());
    }

    [Fact]
    public void A_pcr_index_above_23_is_a_format_error_at_that_event()
    {
        TcgLogWriter writer = TcgLogWriter.CreateCryptoAgile(SpecIdEvent.Encode([new SpecIdAlgorithm(TpmAlgorithm.Sha256, 32)]));
        int offset = writer.Length;
        writer.Append(24, TcgEventType.Ipl, [new AgileDigest(MeasurementHash.Sha256, Digest)], "x"u8);

        var error = Assert.Throws<EventLogFormatException>(() => EventLogFile.Read(writer.ToArray(), EventLogFormat.TcgAgile));

        Assert.Equal(offset, error.Offset);
        Assert.Contains("PCR index 24 names no register", error.Reason);
    }

    [Fact]
    public void A_stream_longer_than_16_mib_is_refused_without_reading_it_all()
    {
        using var endless = new ZeroStream();

        var error = Assert.Throws<EventLogFormatException>(() => EventLogInput.ReadStream(endless));

        Assert.Equal(EventLogInput.MaxLogSize, error.Offset);
        Assert.InRange(endless.Position, EventLogInput.MaxLogSize, EventLogInput.MaxLogSize + (1 << 20));
    }

    /// <summary>An endless stream of zeros, like a device file that never ends.</summary>
    private sealed class ZeroStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
