using System;
using System.ComponentModel;
using System.Formats.Cbor;
using System.Globalization;

namespace Tsm.Cbor;

/// <summary>
/// Reads the items of CBOR claim maps (EAT/CWT claims sets such as the payloads of an Arm CCA token) for the
/// generated claim-set parsers and for hand-written envelopes around them. Every read checks the item's major type
/// first, and every problem (a wrong type, a malformed or truncated item, a duplicate map key, bytes after the end) is
/// reported as a <see cref="ReportFormatException"/> at the byte offset of the item, counted from the start of the
/// caller's buffer. No other exception escapes.
/// </summary>
/// <remarks>
/// The input is read in <see cref="CborConformanceMode.Strict"/> mode: duplicate map keys and invalid UTF-8 are errors,
/// because a verifier must not accept a token two readers could understand differently. Canonical encoding is not
/// required: TF-RMM and veraison write claim maps with unsorted keys (profile 265 before challenge 10).
/// </remarks>
// Generated code calls this; applications get instances from the generated classes, so IntelliSense hides it (issue 8 §5).
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CborClaimReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly int _baseOffset;
    private readonly CborReader _reader;

    /// <summary>Starts reading <paramref name="data"/>, which must hold exactly one CBOR item.</summary>
    /// <param name="data">The encoded item; byte strings read from it are slices of this memory, nothing is copied.</param>
    /// <param name="layout">What is being parsed, named in every <see cref="ReportFormatException"/> (e.g. <c>CcaToken</c>).</param>
    /// <param name="baseOffset">Where <paramref name="data"/> starts in the caller's buffer, so offsets count from there.</param>
    public CborClaimReader(ReadOnlyMemory<byte> data, string layout, int baseOffset = 0)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfNegative(baseOffset);
        _data = data;
        _baseOffset = baseOffset;
        _reader = new CborReader(data, CborConformanceMode.Strict, allowMultipleRootLevelValues: false);
        Layout = layout;
    }

    /// <summary>What is being parsed; the <see cref="ReportFormatException.Layout"/> of every error.</summary>
    public string Layout { get; }

    /// <summary>The offset of the next item in the caller's buffer.</summary>
    public int Offset => _baseOffset + Consumed;

    /// <summary>An error of this input at <paramref name="offset"/>, for checks the caller makes itself.</summary>
    /// <param name="offset">The offset of the offending item in the caller's buffer (<see cref="Offset"/> before reading it).</param>
    /// <param name="reason">What is wrong.</param>
    public ReportFormatException Error(int offset, string reason) => new(Layout, offset, reason);

    /// <summary>Reads a tag if the next item has one.</summary>
    /// <param name="tag">The tag number, when the result is true.</param>
    /// <returns>False, reading nothing, when the next item is not tagged.</returns>
    public bool TryReadTag(out ulong tag)
    {
        int at = Offset;
        tag = 0;
        if (Peek() != CborReaderState.Tag)
        {
            return false;
        }

        try
        {
            tag = (ulong)_reader.ReadTag();
            return true;
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, "a tag", e);
        }
    }

    /// <summary>Reads the start of a map (definite or indefinite length).</summary>
    /// <param name="what">The item being read, for the error message (<c>CcaRealmClaims</c>).</param>
    public void ReadStartMap(string what)
    {
        int at = Expect(what, CborReaderState.StartMap, "a map");
        try
        {
            _reader.ReadStartMap();
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, what, e);
        }
    }

    /// <summary>
    /// Reads the next key of the current map that is an integer (the form claim keys have). Entries with other keys
    /// (text, or integers outside the 64-bit range) are skipped with their values, since no claim can have them.
    /// </summary>
    /// <param name="key">The key, when the result is true.</param>
    /// <param name="keyOffset">The key's offset in the caller's buffer, when the result is true.</param>
    /// <returns>False once the end of the map has been read.</returns>
    public bool TryReadKey(out long key, out int keyOffset)
    {
        while (true)
        {
            int at = Offset;
            CborReaderState state = Peek();
            try
            {
                switch (state)
                {
                    case CborReaderState.EndMap:
                        _reader.ReadEndMap();
                        (key, keyOffset) = (0, at);
                        return false;
                    case CborReaderState.UnsignedInteger:
                        ulong positive = _reader.ReadUInt64();
                        if (positive <= long.MaxValue)
                        {
                            (key, keyOffset) = ((long)positive, at);
                            return true;
                        }

                        break;
                    case CborReaderState.NegativeInteger:
                        // CBOR stores -1 - n; n ≤ long.MaxValue keeps the key within long.MinValue..-1.
                        ulong n = _reader.ReadCborNegativeIntegerRepresentation();
                        if (n <= long.MaxValue)
                        {
                            (key, keyOffset) = (-1 - (long)n, at);
                            return true;
                        }

                        break;
                    default:
                        _reader.SkipValue();
                        break;
                }
            }
            catch (Exception e) when (IsCborError(e))
            {
                throw Malformed(at, "a map key", e);
            }

            SkipValue();
        }
    }

    /// <summary>Reads a byte string (major type 2).</summary>
    /// <param name="what">The item being read, for the error message (<c>claim 'rim' (key 44238) of CcaRealmClaims</c>).</param>
    /// <param name="contentOffset">Where the string's bytes start in the caller's buffer.</param>
    /// <returns>The bytes: a slice of the input, except for the rare indefinite-length form, whose chunks are joined into a copy.</returns>
    public ReadOnlyMemory<byte> ReadByteString(string what, out int contentOffset)
    {
        int at = Offset;
        CborReaderState state = Peek();
        if (state is not (CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString))
        {
            throw WrongType(at, what, "a byte string", state);
        }

        int start = Consumed;
        try
        {
            if (state == CborReaderState.StartIndefiniteLengthByteString)
            {
                contentOffset = at;
                return _reader.ReadByteString();
            }

            _reader.SkipValue();
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, what, e);
        }

        int header = HeaderLength(_data.Span[start]);
        contentOffset = at + header;
        return _data.Slice(start + header, Consumed - start - header);
    }

    /// <summary>Reads a text string (major type 3), which must be valid UTF-8.</summary>
    /// <param name="what">The item being read, for the error message.</param>
    public string ReadTextString(string what)
    {
        int at = Offset;
        CborReaderState state = Peek();
        if (state is not (CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString))
        {
            throw WrongType(at, what, "a text string", state);
        }

        try
        {
            return _reader.ReadTextString();
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, what, e);
        }
    }

    /// <summary>Reads an unsigned integer (major type 0) no larger than <see cref="long.MaxValue"/>.</summary>
    /// <param name="what">The item being read, for the error message.</param>
    public long ReadUnsignedInteger(string what)
    {
        int at = Expect(what, CborReaderState.UnsignedInteger, "an unsigned integer");
        ulong value;
        try
        {
            value = _reader.ReadUInt64();
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, what, e);
        }

        return value <= long.MaxValue
            ? (long)value
            : throw Error(at, string.Create(CultureInfo.InvariantCulture, $"{what}: {value} is larger than {long.MaxValue}"));
    }

    /// <summary>Reads the start of an array (definite or indefinite length); read its items until <see cref="TryReadEndArray"/> is true.</summary>
    /// <param name="what">The item being read, for the error message.</param>
    public void ReadStartArray(string what)
    {
        int at = Expect(what, CborReaderState.StartArray, "an array");
        try
        {
            _reader.ReadStartArray();
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, what, e);
        }
    }

    /// <summary>Reads the end of the current array if it has no more items.</summary>
    /// <returns>True when the array ended; false when another item follows.</returns>
    public bool TryReadEndArray()
    {
        int at = Offset;
        if (Peek() != CborReaderState.EndArray)
        {
            return false;
        }

        try
        {
            _reader.ReadEndArray();
            return true;
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, "the end of an array", e);
        }
    }

    /// <summary>Skips the next item, whatever it is (the value of a claim nobody asked for), checking that it is well formed.</summary>
    public void SkipValue()
    {
        int at = Offset;
        try
        {
            _reader.SkipValue();
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, "an unknown claim", e);
        }
    }

    /// <summary>Checks that nothing follows the item just read.</summary>
    /// <param name="what">The item that should have been the last, for the error message.</param>
    public void ReadEnd(string what)
    {
        if (_reader.BytesRemaining != 0)
        {
            throw Error(Offset, string.Create(CultureInfo.InvariantCulture, $"{_reader.BytesRemaining} bytes after the end of {what}"));
        }
    }

    /// <summary>Bytes of the input read so far (the reader only reports what remains).</summary>
    private int Consumed => _data.Length - _reader.BytesRemaining;

    /// <summary>The number of bytes before the content of a definite-length string: the initial byte plus its length argument.</summary>
    private static int HeaderLength(byte initial) => (initial & 0x1F) switch
    {
        < 24 => 1,
        24 => 2,
        25 => 3,
        26 => 5,
        _ => 9,
    };

    /// <summary>
    /// The exceptions <see cref="CborReader"/> documents for bad input: malformed or non-conforming data
    /// (<see cref="CborContentException"/>), an item of another type or a truncated structure
    /// (<see cref="InvalidOperationException"/>), and integers or lengths that do not fit (<see cref="OverflowException"/>).
    /// </summary>
    private static bool IsCborError(Exception e) => e is CborContentException or InvalidOperationException or OverflowException;

    private static string Describe(CborReaderState state) => state switch
    {
        CborReaderState.UnsignedInteger => "an unsigned integer",
        CborReaderState.NegativeInteger => "a negative integer",
        CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString => "a byte string",
        CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString => "a text string",
        CborReaderState.StartArray => "an array",
        CborReaderState.StartMap => "a map",
        CborReaderState.Tag => "a tagged item",
        CborReaderState.EndArray => "the end of the array",
        CborReaderState.EndMap => "the end of the map",
        CborReaderState.Finished => "the end of the data",
        CborReaderState.Boolean => "a boolean",
        CborReaderState.Null => "null",
        CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat => "a floating-point number",
        _ => "a simple value",
    };

    private CborReaderState Peek()
    {
        int at = Offset;
        try
        {
            return _reader.PeekState();
        }
        catch (Exception e) when (IsCborError(e))
        {
            throw Malformed(at, "the next item", e);
        }
    }

    /// <summary>Checks the next item's type and returns its offset.</summary>
    private int Expect(string what, CborReaderState expected, string expectedText)
    {
        int at = Offset;
        CborReaderState state = Peek();
        return state == expected ? at : throw WrongType(at, what, expectedText, state);
    }

    private ReportFormatException WrongType(int at, string what, string expected, CborReaderState found) =>
        Error(at, $"{what}: expected {expected}, found {Describe(found)}");

    private ReportFormatException Malformed(int at, string what, Exception e) => Error(at, $"{what}: invalid CBOR ({e.Message})");
}
