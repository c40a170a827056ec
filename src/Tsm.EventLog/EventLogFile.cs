using System;
using System.Collections.Generic;
using Tsm.EventLog.Aael;
using Tsm.EventLog.Cel;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog;

/// <summary>
/// A log of any supported format, checked and kept with its bytes: the unit that <see cref="LogReplay"/> replays and
/// <see cref="Verification.LogVerifier"/> verifies. The format is detected from the content unless given.
/// </summary>
public sealed class EventLogFile
{
    private readonly byte[] _bytes;

    /// <summary>The bytes walked: the input, except for CEL JSON, which is converted to TLV once.</summary>
    private readonly byte[] _walked;

    private EventLogFile(byte[] bytes, EventLogFormat format, string? source, RegisterId applicationRegister)
    {
        _bytes = bytes;
        _walked = format == EventLogFormat.CelJson ? CelJson.ToTlv(bytes) : bytes;
        Format = format;
        Source = source;
        ApplicationRegister = applicationRegister;
    }

    /// <summary>The log's format.</summary>
    public EventLogFormat Format { get; }

    /// <summary>The bytes the log was read from.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>Where the log came from (a path), for messages; <see langword="null"/> when not given.</summary>
    public string? Source { get; }

    /// <summary>
    /// The register an AAEL extends, which the text does not say: by default <c>rtmr3</c>, where the attestation
    /// agent's default register index 17 goes on TDX (guest-components <c>pcr_to_rtmr</c>). Other formats name their registers.
    /// </summary>
    public RegisterId ApplicationRegister { get; }

    /// <summary>Checks <paramref name="bytes"/> as a log.</summary>
    /// <param name="bytes">The log; kept, not copied.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it (<see cref="EventLogDetector"/>).</param>
    /// <param name="source">A path or name for messages.</param>
    /// <param name="applicationRegister">For an AAEL: the register it extends (default <c>rtmr3</c>).</param>
    /// <returns>The checked log.</returns>
    /// <exception cref="EventLogFormatException">The bytes are not a valid log of the format.</exception>
    /// <exception cref="ArgumentException"><paramref name="applicationRegister"/> is not a PCR or RTMR.</exception>
    public static EventLogFile Read(byte[] bytes, EventLogFormat? format = null, string? source = null, RegisterId? applicationRegister = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (applicationRegister is { } target && !RegisterIndexes.IsExtendable(target))
        {
            throw new ArgumentException($"{target.Name} is not a register an AAEL can extend (pcr0..pcr23, rtmr0..rtmr3, rem0..rem3).", nameof(applicationRegister));
        }

        EventLogFormat actual = format ?? EventLogDetector.Detect(bytes);
        var file = new EventLogFile(bytes, actual, source, applicationRegister ?? RegisterId.Rtmr(3));
        file.Walk(new ReplayState(checkOnly: true));
        return file;
    }

    /// <summary>Reads and checks the log at <paramref name="path"/>, at most <see cref="EventLogInput.MaxLogSize"/> bytes.</summary>
    /// <param name="path">The log file.</param>
    /// <param name="format">The format, or <see langword="null"/> to detect it.</param>
    /// <returns>The checked log.</returns>
    /// <exception cref="EventLogFormatException">The file is not a valid log, or is larger than the bound.</exception>
    /// <exception cref="System.IO.IOException">The file cannot be read.</exception>
    public static EventLogFile Load(string path, EventLogFormat? format = null) => Read(EventLogInput.ReadFile(path), format, path);

    /// <summary>Replays this log alone (<see cref="LogReplay.Replay"/>).</summary>
    /// <returns>Every register bank the log extends.</returns>
    public RegisterValues Replay() => LogReplay.Replay([this]);

    /// <summary>Lists the events with their registers, digests and a short decoding of their data (what <c>tsm log show</c> prints).</summary>
    /// <returns>One summary per event, in log order.</returns>
    public IReadOnlyList<LogEventSummary> Describe()
    {
        var sink = new SummarySink();
        Walk(new ReplayState(checkOnly: true) { Observer = sink });
        return sink.Events;
    }

    /// <summary>Walks the events; for TCG logs the StartupLocality is applied to the state first.</summary>
    internal void Walk(ReplayState state)
    {
        switch (Format)
        {
            case EventLogFormat.TcgAgile or EventLogFormat.TcgSha1 or EventLogFormat.Ccel:
                TcgLog log = TcgLog.Read(_bytes);
                if (Format == EventLogFormat.Ccel && !log.IsCryptoAgile)
                {
                    throw new EventLogFormatException(Format.Name(), 0, "a CCEL is a crypto-agile log (EFI_CC_EVENT_LOG_FORMAT_TCG_2); this one has no Spec ID Event03 header");
                }

                if (Format != EventLogFormat.Ccel && log.TryGetStartupLocality(out byte locality))
                {
                    state.StartupLocality = locality;
                }

                TcgEventWalker.Walk(log, Format, state);
                break;
            case EventLogFormat.CelTlv or EventLogFormat.CelJson:
                CelEventWalker.Walk(_walked, Format.Name(), state);
                break;
            default:
                AaelEventWalker.Walk(_bytes, ApplicationRegister, state);
                break;
        }
    }
}
