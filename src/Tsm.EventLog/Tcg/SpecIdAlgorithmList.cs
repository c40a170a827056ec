using System;
using System.Buffers.Binary;

namespace Tsm.EventLog.Tcg;

/// <summary>The digestSizes[] array of a Spec ID event, read in place: 4 bytes per entry (u16 algorithmId, u16 digestSize, little-endian).</summary>
public readonly ref struct SpecIdAlgorithmList
{
    private readonly ReadOnlySpan<byte> _entries;

    internal SpecIdAlgorithmList(ReadOnlySpan<byte> entries) => _entries = entries;

    /// <summary>The number of algorithms (banks) in the log.</summary>
    public int Count => _entries.Length / 4;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public SpecIdAlgorithm this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            ReadOnlySpan<byte> entry = _entries.Slice(4 * index, 4);
            return new SpecIdAlgorithm((TpmAlgorithm)BinaryPrimitives.ReadUInt16LittleEndian(entry), BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]));
        }
    }

    /// <summary>The digest size of <paramref name="algorithm"/> in this log, or -1 when the log has no such bank.</summary>
    public int DigestSizeOf(TpmAlgorithm algorithm) => DigestSizeOf(_entries, (ushort)algorithm);

    /// <summary>Enumerates the entries in file order.</summary>
    public Enumerator GetEnumerator() => new(this);

    internal static int DigestSizeOf(ReadOnlySpan<byte> entries, ushort algorithm)
    {
        for (int at = 0; at + 4 <= entries.Length; at += 4)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(entries[at..]) == algorithm)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(entries[(at + 2)..]);
            }
        }

        return -1;
    }

    /// <summary>Enumerator over <see cref="SpecIdAlgorithmList"/>.</summary>
    public ref struct Enumerator
    {
        private readonly SpecIdAlgorithmList _list;
        private int _index;

        internal Enumerator(SpecIdAlgorithmList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current entry.</summary>
        public readonly SpecIdAlgorithm Current => _list[_index];

        /// <summary>Moves to the next entry.</summary>
        public bool MoveNext() => ++_index < _list.Count;
    }
}
