using System.Formats.Cbor;
using Tsm.Cbor;

namespace Tsm.Runtime.Tests.Cbor;

/// <summary>
/// The reader under the generated claim-set parsers: byte strings are slices of the input, keys of every form are
/// handled, offsets count from the caller's buffer, and bad input only ever becomes a <see cref="ReportFormatException"/>.
/// </summary>
public sealed class CborClaimReaderTests
{
    [Fact]
    public void A_definite_byte_string_is_a_slice_of_the_input_with_its_content_offset()
    {
        byte[] input = Encode(w => w.WriteByteString(new byte[30]));
        var reader = new CborClaimReader(input, "Test", baseOffset: 100);

        ReadOnlyMemory<byte> value = reader.ReadByteString("value", out int contentOffset);

        Assert.Equal(30, value.Length);
        Assert.Equal(102, contentOffset);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(value, out ArraySegment<byte> segment));
        Assert.Same(input, segment.Array);
        Assert.Equal(2, segment.Offset);
        Assert.Equal(132, reader.Offset);
    }

    [Fact]
    public void An_indefinite_length_byte_string_is_joined_from_its_chunks()
    {
        byte[] input = Encode(w =>
        {
            w.WriteStartIndefiniteLengthByteString();
            w.WriteByteString([1, 2]);
            w.WriteByteString([3]);
            w.WriteEndIndefiniteLengthByteString();
        }, CborConformanceMode.Lax);
        var reader = new CborClaimReader(input, "Test");

        Assert.Equal(new byte[] { 1, 2, 3 }, reader.ReadByteString("value", out _).ToArray());
        reader.ReadEnd("the value");
    }

    [Fact]
    public void Integer_keys_are_returned_and_other_keys_skipped_with_their_values()
    {
        byte[] input = Encode(w =>
        {
            w.WriteStartMap(5);
            w.WriteInt64(-65537);
            w.WriteTextString("negative");
            w.WriteTextString("text key");
            w.WriteInt32(1);
            w.WriteUInt64(ulong.MaxValue);
            w.WriteInt32(2);
            w.WriteCborNegativeIntegerRepresentation(ulong.MaxValue);
            w.WriteInt32(3);
            w.WriteInt64(long.MaxValue);
            w.WriteTextString("largest");
            w.WriteEndMap();
        });
        var reader = new CborClaimReader(input, "Test");
        var keys = new List<long>();

        reader.ReadStartMap("map");
        while (reader.TryReadKey(out long key, out _))
        {
            keys.Add(key);
            reader.SkipValue();
        }

        reader.ReadEnd("the map");
        Assert.Equal(new[] { -65537L, long.MaxValue }, keys);
    }

    [Fact]
    public void A_wrong_type_is_reported_at_its_offset_in_the_callers_buffer()
    {
        byte[] input = Encode(w => w.WriteTextString("not bytes"));
        var reader = new CborClaimReader(input, "Test", baseOffset: 7);

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => reader.ReadByteString("claim 'x'", out _));

        Assert.Equal(("Test", 7), (error.Layout, error.Offset));
        Assert.Equal("claim 'x': expected a byte string, found a text string", error.Reason);
    }

    [Theory]
    [InlineData(new byte[] { 0x58 }, "claim 'x': invalid CBOR")]
    [InlineData(new byte[] { 0x42, 0x01 }, "claim 'x': invalid CBOR")]
    [InlineData(new byte[] { 0x5C }, "claim 'x': invalid CBOR")]
    [InlineData(new byte[] { 0xFF }, "the next item: invalid CBOR")]
    public void Truncated_or_malformed_items_become_format_exceptions(byte[] input, string reason)
    {
        var reader = new CborClaimReader(input, "Test");

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => reader.ReadByteString("claim 'x'", out _));

        Assert.Equal(0, error.Offset);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_text_string_is_rejected()
    {
        byte[] input = [0x62, 0xC3, 0x28];
        var reader = new CborClaimReader(input, "Test");

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => reader.ReadTextString("claim 't'"));

        Assert.StartsWith("claim 't': invalid CBOR", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsigned_integer_above_the_long_range_is_rejected()
    {
        byte[] input = Encode(w => w.WriteUInt64(ulong.MaxValue));
        var reader = new CborClaimReader(input, "Test");

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => reader.ReadUnsignedInteger("claim 'n'"));

        Assert.Equal("claim 'n': 18446744073709551615 is larger than 9223372036854775807", error.Reason);
    }

    [Fact]
    public void Bytes_after_the_item_are_reported_where_they_start()
    {
        byte[] input = [.. Encode(w => w.WriteInt32(1)), 0xFF, 0xFF];
        var reader = new CborClaimReader(input, "Test");
        reader.ReadUnsignedInteger("n");

        ReportFormatException error = Assert.Throws<ReportFormatException>(() => reader.ReadEnd("the number"));

        Assert.Equal((1, "2 bytes after the end of the number"), (error.Offset, error.Reason));
    }

    private static byte[] Encode(Action<CborWriter> write, CborConformanceMode mode = CborConformanceMode.Strict)
    {
        var writer = new CborWriter(mode);
        write(writer);
        return writer.Encode();
    }
}
