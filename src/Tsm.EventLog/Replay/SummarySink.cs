using System;
using System.Collections.Generic;

namespace Tsm.EventLog.Replay;

/// <summary>Collects <see cref="LogEventSummary"/> rows during a walk.</summary>
internal sealed class SummarySink : IEventSink
{
    private List<KeyValuePair<MeasurementHash, string>>? _digests;

    public List<LogEventSummary> Events { get; } = [];

    public void Event(in MeasuredEvent e)
    {
        _digests = [];
        Events.Add(new LogEventSummary(e.Number, e.Offset, e.Register, e.Extends, e.TypeName, _digests, EventDescriptions.Describe(e.TypeName, e.Data)));
    }

    public void Digest(MeasurementHash bank, ReadOnlySpan<byte> digest) => _digests?.Add(new(bank, LowerHex.Of(digest)));
}
