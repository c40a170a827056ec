using System;
using System.Buffers.Binary;
using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Cel;

/// <summary>The digests of a CEL record, read in place: nested TLVs, type = TPM_ALG_ID low byte, value = the digest.</summary>
public readonly ref struct CelDigestList
{
    private readonly ReadOnlySpan<byte> _tlvs;

    internal CelDigestList(ReadOnlySpan<byte> tlvs, int count)
    {
        _tlvs = tlvs;
        Count = count;
    }

    /// <summary>The number of digests.</summary>
    public int Count { get; }

    /// <summary>Enumerates the digests; allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(_tlvs);

    /// <summary>Enumerator over <see cref="CelDigestList"/>.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _tlvs;
        private int _offset;

        internal Enumerator(ReadOnlySpan<byte> tlvs)
        {
            _tlvs = tlvs;
            _offset = 0;
            Current = default;
        }

        /// <summary>The current digest.</summary>
        public TcgDigest Current { get; private set; }

        /// <summary>Moves to the next digest.</summary>
        public bool MoveNext()
        {
            if (_offset >= _tlvs.Length)
            {
                return false;
            }

            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(_tlvs[(_offset + 1)..]);
            Current = new TcgDigest((TpmAlgorithm)_tlvs[_offset], _tlvs.Slice(_offset + 5, length));
            _offset += 5 + length;
            return true;
        }
    }
}
