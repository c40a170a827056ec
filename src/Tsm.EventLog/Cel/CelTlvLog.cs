using System;

namespace Tsm.EventLog.Cel;

/// <summary>A TCG Canonical Event Log in TLV encoding, read in place. <see cref="Read"/> checks every record; enumeration then allocates nothing.</summary>
public readonly ref struct CelTlvLog
{
    private readonly ReadOnlySpan<byte> _bytes;

    private CelTlvLog(ReadOnlySpan<byte> bytes, int count)
    {
        _bytes = bytes;
        Count = count;
    }

    /// <summary>The number of records.</summary>
    public int Count { get; }

    /// <summary>The log's bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Reads and checks a CEL TLV log.</summary>
    /// <exception cref="EventLogFormatException">A record is malformed; the exception names its byte offset.</exception>
    public static CelTlvLog Read(ReadOnlySpan<byte> bytes)
    {
        if (!CelTlvParser.TryParse(bytes, out int count, out int offset, out string? reason))
        {
            EventLogErrors.Throw(CelTlvParser.FormatName, offset, reason!);
        }

        return new CelTlvLog(bytes, count);
    }

    /// <summary>Reads and checks a CEL TLV log without throwing.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out CelTlvLog log)
    {
        bool valid = CelTlvParser.TryParse(bytes, out int count, out _, out _);
        log = valid ? new CelTlvLog(bytes, count) : default;
        return valid;
    }

    /// <summary>Enumerates the records in order.</summary>
    public Enumerator GetEnumerator() => new(_bytes);

    /// <summary>Enumerator over the records of a <see cref="CelTlvLog"/>; allocates nothing.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<byte> _bytes;
        private int _offset;
        private int _number;

        internal Enumerator(ReadOnlySpan<byte> bytes)
        {
            _bytes = bytes;
            _offset = 0;
            _number = -1;
            Current = default;
        }

        /// <summary>The current record.</summary>
        public CelRecord Current { get; private set; }

        /// <summary>Moves to the next record.</summary>
        public bool MoveNext()
        {
            if (_offset >= _bytes.Length || !CelTlvParser.TryReadRecord(_bytes, _offset, out CelRecordBounds record, out _, out _))
            {
                return false;
            }

            Current = new CelRecord(++_number, _bytes, record);
            _offset += record.Length;
            return true;
        }
    }
}
