using System;

namespace Tsm.EventLog.Tcg;

/// <summary>Enumerates the events of a <see cref="TcgLog"/>, each a view into the log; allocates nothing.</summary>
public ref struct TcgEventEnumerator
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly TcgLogLayout _layout;
    private int _offset;
    private int _number;

    internal TcgEventEnumerator(ReadOnlySpan<byte> bytes, TcgLogLayout layout)
    {
        _bytes = bytes;
        _layout = layout;
        _offset = 0;
        _number = -1;
        Current = default;
    }

    /// <summary>The current event.</summary>
    public TcgEvent Current { get; private set; }

    /// <summary>Moves to the next event.</summary>
    /// <returns><see langword="false"/> after the last event.</returns>
    public bool MoveNext()
    {
        // The log was checked when it was read, so every event up to Length parses.
        if (_offset >= _layout.Length || !TcgLogParser.TryReadEvent(_bytes, _offset, _layout, out TcgEventBounds e, out _, out _))
        {
            return false;
        }

        _number++;
        ReadOnlySpan<byte> algorithms = _bytes.Slice(_layout.AlgorithmsOffset, _layout.AlgorithmsLength);
        var digests = new TcgDigestList(_bytes.Slice(e.DigestsOffset, e.DigestsLength), algorithms, e.DigestCount, e.Sha1Layout);
        Current = new TcgEvent(
            _number, e.Offset, _bytes.Slice(e.Offset, e.Length), e.Index, (TcgEventType)e.Type, digests, _bytes.Slice(e.DataOffset, e.DataLength), _layout.CryptoAgile && e.Offset == 0);
        _offset += e.Length;
        return true;
    }
}
