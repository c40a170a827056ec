using System;
using Tsm.EventLog.Registers;

namespace Tsm.EventLog.Replay;

/// <summary>One event of any format as replay and explanation see it; its digests follow through <see cref="IEventSink.Digest"/>.</summary>
internal readonly ref struct MeasuredEvent
{
    public MeasuredEvent(int number, int offset, RegisterId register, bool extends, string typeName, ReadOnlySpan<byte> data, DigestRule rule)
    {
        Number = number;
        Offset = offset;
        Register = register;
        Extends = extends;
        TypeName = typeName;
        Data = data;
        Rule = rule;
    }

    /// <summary>The event's number as <c>tsm log show</c> prints it.</summary>
    public int Number { get; }

    /// <summary>Where the event starts in its log (bytes; for text formats the line's first byte).</summary>
    public int Offset { get; }

    /// <summary>The register the event's digests go to.</summary>
    public RegisterId Register { get; }

    /// <summary>Whether the digests are extended (EV_NO_ACTION, the Spec ID header and MRTD events are not).</summary>
    public bool Extends { get; }

    /// <summary>The event type's name (a constant for every known type).</summary>
    public string TypeName { get; }

    /// <summary>The event data.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>How the digests follow from <see cref="Data"/>.</summary>
    public DigestRule Rule { get; }
}
