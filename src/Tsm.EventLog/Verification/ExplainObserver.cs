using System;
using System.Collections.Generic;
using Tsm.EventLog.Registers;
using Tsm.EventLog.Replay;

namespace Tsm.EventLog.Verification;

/// <summary>Records the events that reach one register bank during a replay, with the value after each.</summary>
internal sealed class ExplainObserver(ReplayState state, RegisterId register, MeasurementHash bank) : IEventSink
{
    private bool _current;
    private int _number;
    private int _offset;
    private string _type = "";
    private DigestRule _rule;
    private byte[] _data = [];

    public string Log { get; set; } = "";

    public List<ExplainedEvent> Events { get; } = [];

    public void Event(in MeasuredEvent e)
    {
        _current = e.Extends && e.Register == register;
        if (_current)
        {
            _number = e.Number;
            _offset = e.Offset;
            _type = e.TypeName;
            _rule = e.Rule;
            _data = e.Data.ToArray();
        }
    }

    public void Digest(MeasurementHash digestBank, ReadOnlySpan<byte> digest)
    {
        if (_current && digestBank == bank)
        {
            bool? agrees = DigestRules.Agrees(_rule, digestBank, _data, digest);
            Events.Add(new ExplainedEvent(Log, _number, _offset, _type, digest.ToArray(), state.Current(register, bank).ToArray(), agrees));
        }
    }
}
