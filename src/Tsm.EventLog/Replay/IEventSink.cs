using System;

namespace Tsm.EventLog.Replay;

/// <summary>Receives the events of a log walk: <see cref="Event"/> once per event, then <see cref="Digest"/> per bank.</summary>
internal interface IEventSink
{
    void Event(in MeasuredEvent e);

    void Digest(MeasurementHash bank, ReadOnlySpan<byte> digest);
}
