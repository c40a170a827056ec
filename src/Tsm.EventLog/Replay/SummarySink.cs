using System;
using System.Collections.Generic;
using Tsm.EventLog.Aael;

namespace Tsm.EventLog.Replay;

/// <summary>Collects <see cref="LogEventSummary"/> rows during a walk.</summary>
internal sealed class SummarySink : IEventSink
{
    private List<KeyValuePair<MeasurementHash, string>>? _digests;

    public List<LogEventSummary> Events { get; } = [];

    public void Event(in MeasuredEvent e)
    {
        _digests = [];
        Events.Add(new LogEventSummary(e.Number, e.Offset, e.Register, e.Extends, e.TypeName, _digests, EventDescriptions.Describe(e.TypeName, e.Data))
        {
            AaelLine = AaelLineOf(e.TypeName, e.Data),
        });
    }

    // The agent's tagged event carries its line after the id and size (AaelTaggedEvent).
    private static string? AaelLineOf(string typeName, ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> line = typeName switch
        {
            "AAEL" or "INIT" => data,
            "EV_EVENT_TAG" when AaelTaggedEvent.Starts(data) => data[AaelTaggedEvent.HeaderSize..],

            // Tsm's CEL measurement logs start with an EV_NO_ACTION holding every bank's start (docs/eventlog.md, Recording).
            "EV_NO_ACTION" when data.StartsWith("INIT "u8) => data,
            _ => default,
        };
        return line.IsEmpty || line.IndexOfAnyExceptInRange((byte)' ', (byte)'~') >= 0 || line.IndexOf((byte)' ') <= 0
            ? null
            : System.Text.Encoding.ASCII.GetString(line);
    }

    public void Digest(MeasurementHash bank, ReadOnlySpan<byte> digest) => _digests?.Add(new(bank, LowerHex.Of(digest)));
}
