using System;

namespace Tsm.EventLog.Aael;

/// <summary>
/// An attestation-agent event log (<c>/run/attestation-agent/eventlog</c>), read in place. Every line, INIT included,
/// is extended as <c>H_alg(line without LF)</c> into the register, starting from the INIT value, which is what the
/// register held when the agent started. <see cref="Read"/> checks every line; enumeration then allocates nothing.
/// </summary>
public readonly ref struct AaelLog
{
    private readonly ReadOnlySpan<byte> _bytes;

    private AaelLog(ReadOnlySpan<byte> bytes, MeasurementHash hash, int count)
    {
        _bytes = bytes;
        Hash = hash;
        Count = count;
    }

    /// <summary>The hash the INIT entry names, used for every line.</summary>
    public MeasurementHash Hash { get; }

    /// <summary>The number of entries, INIT included.</summary>
    public int Count { get; }

    /// <summary>The INIT value as hex text (the register's value when the agent started).</summary>
    public ReadOnlySpan<byte> InitialValueHex => _bytes[(_bytes.IndexOf((byte)'/') + 1).._bytes.IndexOf((byte)'\n')];

    /// <summary>Reads and checks an AAEL.</summary>
    /// <exception cref="EventLogFormatException">A line is malformed; the exception names the line and the byte offset.</exception>
    public static AaelLog Read(ReadOnlySpan<byte> bytes)
    {
        if (!AaelParser.TryParse(bytes, out MeasurementHash hash, out int count, out int offset, out int line, out string? reason))
        {
            throw new EventLogFormatException(AaelParser.FormatName, offset, reason!, line);
        }

        return new AaelLog(bytes, hash, count);
    }

    /// <summary>Reads and checks an AAEL without throwing.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out AaelLog log)
    {
        bool valid = AaelParser.TryParse(bytes, out MeasurementHash hash, out int count, out _, out _, out _);
        log = valid ? new AaelLog(bytes, hash, count) : default;
        return valid;
    }

    /// <summary>Decodes the INIT value into <paramref name="value"/> (the hash's digest size).</summary>
    public void GetInitialValue(Span<byte> value)
    {
        ReadOnlySpan<byte> hex = InitialValueHex;
        for (int i = 0; i < value.Length; i++)
        {
            value[i] = (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1]));
        }
    }

    /// <summary>One hex digit's value; the digits were checked when the log was read.</summary>
    private static int Nibble(byte digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    /// <summary>Enumerates the entries in order, INIT first.</summary>
    public Enumerator GetEnumerator() => new(_bytes);

    /// <summary>Enumerator over the entries of an <see cref="AaelLog"/>; allocates nothing.</summary>
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

        /// <summary>The current entry.</summary>
        public AaelEntry Current { get; private set; }

        /// <summary>Moves to the next entry.</summary>
        public bool MoveNext()
        {
            if (_offset >= _bytes.Length || !AaelParser.TryReadLine(_bytes, _offset, _number + 2, _number < 0, out AaelParser.LineBounds line, out _, out _))
            {
                return false;
            }

            _number++;
            Current = new AaelEntry(_number, _number + 1, line.Offset, _bytes.Slice(line.Offset, line.Length), line.IsInit, line.FirstSpace, line.SecondSpace);
            _offset = line.End;
            return true;
        }
    }
}
