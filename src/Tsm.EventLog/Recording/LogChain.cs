using System;

namespace Tsm.EventLog.Recording;

/// <summary>
/// The replay of a measurement log in every bank of its register: the value after all entries, the value before the
/// last one, and the last entry's digest, which is all recovery needs to decide whether the last extend happened.
/// </summary>
internal sealed class LogChain
{
    private readonly MeasurementHash[] _hashes;
    private readonly byte[][] _current;
    private readonly byte[][] _previous;
    private readonly AgileDigest[] _lastDigests;

    public LogChain(MeasurementHash[] hashes, byte[][] start)
    {
        _hashes = hashes;
        _current = Array.ConvertAll(start, value => (byte[])value.Clone());
        _previous = Array.ConvertAll(start, value => (byte[])value.Clone());
        _lastDigests = new AgileDigest[hashes.Length];
    }

    /// <summary>The entries replayed, INIT included.</summary>
    public int Count { get; private set; }

    /// <summary>Each bank's digest of the last entry.</summary>
    public ReadOnlySpan<AgileDigest> LastDigests => _lastDigests;

    /// <summary>The value of bank <paramref name="bank"/> after every entry.</summary>
    public byte[] Current(int bank) => _current[bank];

    /// <summary>The value of bank <paramref name="bank"/> before the last entry.</summary>
    public byte[] Previous(int bank) => _previous[bank];

    /// <summary>Extends every bank with its hash of <paramref name="measured"/> (the bytes an entry measures).</summary>
    public void Append(ReadOnlySpan<byte> measured)
    {
        Span<AgileDigest> digests = stackalloc AgileDigest[_hashes.Length];
        for (int i = 0; i < digests.Length; i++)
        {
            digests[i] = AgileDigest.Compute(_hashes[i], measured);
        }

        Extend(digests);
    }

    /// <summary>Extends every bank with its digest of an entry, in bank order (what the register was just extended with).</summary>
    public void Extend(ReadOnlySpan<AgileDigest> digests)
    {
        Span<byte> joined = stackalloc byte[2 * AgileDigest.MaxLength];
        for (int i = 0; i < _hashes.Length; i++)
        {
            AgileDigest digest = digests[i];
            int size = digest.Length;
            _current[i].CopyTo(_previous[i], 0);
            _current[i].CopyTo(joined);
            digest.Bytes.CopyTo(joined[size..]);
            MeasurementHashInfo.Compute(_hashes[i], joined[..(2 * size)], _current[i]);
            _lastDigests[i] = digest;
        }

        Count++;
    }
}
