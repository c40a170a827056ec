using System;
using System.Buffers.Binary;

namespace Tsm.EventLog.Tcg;

/// <summary>
/// A TCG PC Client event log read in place (zero-copy): a TPM's <c>binary_bios_measurements</c>, crypto-agile or
/// SHA-1, or a CCEL (the same layout with CC MR indexes). <see cref="Read"/> checks every event once; enumerating the
/// events afterwards cannot fail and allocates nothing. The events end at the end of the input or where only fill
/// (all 0x00 or all 0xFF) is left, which real firmware writes after the last event of a fixed-size log area.
/// </summary>
public readonly ref struct TcgLog
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly TcgLogLayout _layout;

    private TcgLog(ReadOnlySpan<byte> bytes, TcgLogLayout layout)
    {
        _bytes = bytes;
        _layout = layout;
    }

    /// <summary><see cref="EventLogFormat.TcgAgile"/> or <see cref="EventLogFormat.TcgSha1"/>.</summary>
    public EventLogFormat Format => _layout.CryptoAgile ? EventLogFormat.TcgAgile : EventLogFormat.TcgSha1;

    /// <summary>Whether the log starts with a Spec ID Event03 header and carries TCG_PCR_EVENT2 events.</summary>
    public bool IsCryptoAgile => _layout.CryptoAgile;

    /// <summary>The bytes the log was read from, padding included.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Where the last event ends.</summary>
    public int Length => _layout.Length;

    /// <summary>The fill after the last event (all 0x00 or all 0xFF), possibly empty.</summary>
    public ReadOnlySpan<byte> Padding => _bytes[_layout.Length..];

    /// <summary>The number of events, the Spec ID header of a crypto-agile log included.</summary>
    public int Count => _layout.Count;

    /// <summary>The Spec ID event of a crypto-agile log.</summary>
    /// <exception cref="InvalidOperationException">The log is a SHA-1 log, which has none.</exception>
    public SpecIdEvent SpecId
    {
        get
        {
            if (!_layout.CryptoAgile)
            {
                throw new InvalidOperationException("A SHA-1 (TCG 1.2) log has no Spec ID event; check IsCryptoAgile first.");
            }

            // The header is a TCG_PCR_EVENT: its data starts at 32, its eventSize is at 28 (checked when read).
            ReadOnlySpan<byte> data = _bytes.Slice(32, (int)BinaryPrimitives.ReadUInt32LittleEndian(_bytes[28..]));
            return new SpecIdEvent(data, _bytes.Slice(_layout.AlgorithmsOffset, _layout.AlgorithmsLength));
        }
    }

    /// <summary>Reads and checks a log.</summary>
    /// <param name="bytes">The log, e.g. the contents of <c>/sys/kernel/security/tpm0/binary_bios_measurements</c> or <c>/sys/firmware/acpi/tables/data/CCEL</c>.</param>
    /// <returns>A view over <paramref name="bytes"/>.</returns>
    /// <exception cref="EventLogFormatException">The bytes are not a TCG log; the exception names the byte offset and the reason.</exception>
    public static TcgLog Read(ReadOnlySpan<byte> bytes)
    {
        if (!TcgLogParser.TryParse(bytes, out TcgLogLayout layout, out int offset, out string? reason))
        {
            EventLogErrors.Throw(FormatName(bytes), offset, reason!);
        }

        return new TcgLog(bytes, layout);
    }

    /// <summary>Reads and checks a log without throwing.</summary>
    /// <param name="bytes">The log.</param>
    /// <param name="log">The view, when the bytes are a valid log.</param>
    /// <returns><see langword="true"/> when <paramref name="bytes"/> is a valid TCG log.</returns>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out TcgLog log)
    {
        bool valid = TcgLogParser.TryParse(bytes, out TcgLogLayout layout, out _, out _);
        log = valid ? new TcgLog(bytes, layout) : default;
        return valid;
    }

    /// <summary>The startup locality a StartupLocality event in PCR0 records, if the log has one.</summary>
    /// <param name="locality">3 for a TPM2_Startup from locality 3, 4 for an H-CRTM.</param>
    /// <returns><see langword="true"/> when the log has the event.</returns>
    public bool TryGetStartupLocality(out byte locality)
    {
        foreach (TcgEvent e in this)
        {
            if (e.Type == TcgEventType.NoAction && e.Index == 0 && !e.IsSpecIdHeader && StartupLocalityEvent.TryParse(e.Data, out locality))
            {
                return true;
            }
        }

        locality = 0;
        return false;
    }

    /// <summary>Enumerates the events in log order, from the Spec ID header on; allocates nothing.</summary>
    public TcgEventEnumerator GetEnumerator() => new(_bytes, _layout);

    /// <summary>The format name used in errors before the layout is known: by the header's shape.</summary>
    private static string FormatName(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 48 && bytes.Slice(32, 16).SequenceEqual(SpecIdEvent.Signature) ? EventLogFormat.TcgAgile.Name() : "tcg";
}
