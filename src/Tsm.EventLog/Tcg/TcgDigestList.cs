using System;
using System.Buffers.Binary;

namespace Tsm.EventLog.Tcg;

/// <summary>
/// The digests of one event, read in place: TPML_DIGEST_VALUES of a TCG_PCR_EVENT2 (each entry a u16 algorithm and a
/// digest whose size comes from the Spec ID event), or the single SHA-1 digest of a TCG_PCR_EVENT.
/// </summary>
public readonly ref struct TcgDigestList
{
    private readonly ReadOnlySpan<byte> _digests;
    private readonly ReadOnlySpan<byte> _algorithms;
    private readonly bool _sha1Only;

    internal TcgDigestList(ReadOnlySpan<byte> digests, ReadOnlySpan<byte> algorithms, int count, bool sha1Only)
    {
        _digests = digests;
        _algorithms = algorithms;
        _sha1Only = sha1Only;
        Count = count;
    }

    /// <summary>The number of digests.</summary>
    public int Count { get; }

    /// <summary>The digests as they appear in the event (for TCG_PCR_EVENT2: without the u32 count).</summary>
    public ReadOnlySpan<byte> Raw => _digests;

    /// <summary>Finds the digest of <paramref name="algorithm"/>.</summary>
    /// <returns><see langword="true"/> when the event carries that bank.</returns>
    public bool TryGet(TpmAlgorithm algorithm, out ReadOnlySpan<byte> digest)
    {
        foreach (TcgDigest candidate in this)
        {
            if (candidate.Algorithm == algorithm)
            {
                digest = candidate.Bytes;
                return true;
            }
        }

        digest = default;
        return false;
    }

    /// <summary>Enumerates the digests in event order.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerator over <see cref="TcgDigestList"/>; allocates nothing.</summary>
    public ref struct Enumerator
    {
        private readonly TcgDigestList _list;
        private int _offset;
        private int _left;

        internal Enumerator(TcgDigestList list)
        {
            _list = list;
            _offset = 0;
            _left = list.Count;
            Current = default;
        }

        /// <summary>The current digest.</summary>
        public TcgDigest Current { get; private set; }

        /// <summary>Moves to the next digest.</summary>
        public bool MoveNext()
        {
            if (_left == 0)
            {
                return false;
            }

            _left--;
            if (_list._sha1Only)
            {
                Current = new TcgDigest(TpmAlgorithm.Sha1, _list._digests[..TcgLogParser.Sha1Size]);
                return true;
            }

            ushort algorithm = BinaryPrimitives.ReadUInt16LittleEndian(_list._digests[_offset..]);
            int size = SpecIdAlgorithmList.DigestSizeOf(_list._algorithms, algorithm);
            Current = new TcgDigest((TpmAlgorithm)algorithm, _list._digests.Slice(_offset + 2, size));
            _offset += 2 + size;
            return true;
        }
    }
}
