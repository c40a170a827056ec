using System;

namespace Tsm.EventLog.Recording;

/// <summary>How one <see cref="MeasurementLogFormat"/> writes and reads the entries of a measurement log.</summary>
internal abstract class LogCodec
{
    public abstract MeasurementLogFormat Format { get; }

    public static LogCodec For(MeasurementLogFormat format) => format switch
    {
        MeasurementLogFormat.Aael => new AaelCodec(),
        MeasurementLogFormat.CelTlv => new CelTlvCodec(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a MeasurementLogFormat."),
    };

    /// <summary>The format of an existing log, from its first byte: AAEL starts with <c>INIT</c>, a CEL record with its recnum TLV (type 0).</summary>
    public static MeasurementLogFormat? Detect(ReadOnlySpan<byte> start) =>
        start.IsEmpty ? null : start[0] == (byte)'I' ? MeasurementLogFormat.Aael : start[0] == 0 ? MeasurementLogFormat.CelTlv : null;

    /// <summary>Checks that the format can hold a log of <paramref name="register"/>; the message says why not.</summary>
    public abstract string? Unsupported(LogicalRegister register);

    /// <summary>
    /// Reads the entry at <paramref name="offset"/>: true with the entry (or, when the bytes are not an entry of this
    /// format, with a null entry and a reason naming the offset, which the caller throws), false when the bytes from there
    /// are the start of an entry that was never finished (the file ends inside it).
    /// </summary>
    public abstract bool TryRead(ReadOnlySpan<byte> bytes, int offset, int number, LogicalRegister register, out LogEntry? entry, out string? reason);

    public abstract byte[] EncodeInit(LogicalRegister register, AgileDigest[] start, int initBank);

    /// <summary>The bytes each bank extends the hash of, for the event <paramref name="line"/>.</summary>
    public abstract byte[] Measured(string line);

    public abstract byte[] EncodeEvent(LogicalRegister register, int number, string line, AgileDigest[] digests);
}
