using System.Text;

namespace Tsm.Runtime.Tests.Events;

public sealed class CanonicalJsonWriterTests
{
    [Fact]
    public void The_string_and_literal_example_of_RFC_8785_section_3_2_2_is_written_exactly()
    {
        // RFC 8785 §3.2.2: the example's "numbers" member is left out (its doubles are not integers); the rest is kept.
        var writer = new CanonicalJsonWriter();
        writer.WriteStartObject();
        writer.WritePropertyName("literals");
        writer.WriteStartArray();
        writer.WriteNull();
        writer.WriteBoolean(true);
        writer.WriteBoolean(false);
        writer.WriteEndArray();
        writer.WritePropertyName("string");
        writer.WriteString("\u20ac$\u000F\nA'B\"\\\\\"/");
        writer.WriteEndObject();

        Assert.Equal("""{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/"}""", writer.ToJson());
    }

    [Fact]
    public void The_sorting_example_of_RFC_8785_section_3_2_3_canonicalises_to_its_published_order()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        string canonical = SystemTextJsonCanonicaliser.Canonicalise(input);

        Assert.Equal(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
            canonical);
    }

    [Fact]
    public void The_UTF_8_example_of_RFC_8785_section_3_2_4_sorts_by_code_unit_and_encodes_as_UTF_8()
    {
        var writer = new CanonicalJsonWriter();
        writer.WriteStartObject();
        foreach ((string name, string value) in new[]
                 {
                     ("peach", "This sorting order"), ("p\u00e9ch\u00e9", "is wrong according to French"),
                     ("p\u00eache", "but canonicalization MUST"), ("sin", "ignore locale"),
                 })
        {
            writer.WritePropertyName(name);
            writer.WriteString(value);
        }

        writer.WriteEndObject();

        string hex = Convert.ToHexString(writer.ToUtf8Bytes()).ToLowerInvariant();
        Assert.StartsWith("7b227065616368223a225468697320736f7274696e67206f72646572222c2270c3a96368c3a9223a22", hex, StringComparison.Ordinal);
        Assert.Contains("2c2270c3aa636865223a22", hex, StringComparison.Ordinal);
        Assert.EndsWith("2273696e223a2269676e6f7265206c6f63616c65227d", hex, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\b', "\\b")]
    [InlineData('\f', "\\f")]
    [InlineData('\n', "\\n")]
    [InlineData('\r', "\\r")]
    [InlineData('\t', "\\t")]
    [InlineData('"', "\\\"")]
    [InlineData('\\', "\\\\")]
    [InlineData('\u0000', "\\u0000")]
    [InlineData('\u001f', "\\u001f")]
    [InlineData('\u000b', "\\u000b")]
    [InlineData('/', "/")]
    [InlineData('\u007f', "\u007f")]
    [InlineData('\u2028', "\u2028")]
    [InlineData('\u00e9', "\u00e9")]
    public void Each_character_is_escaped_as_ECMAScript_JSON_stringify_escapes_it(char c, string expected)
    {
        Assert.Equal("\"" + expected + "\"", Write(w => w.WriteString(c.ToString())));
    }

    [Fact]
    public void A_surrogate_pair_is_written_as_is_and_a_lone_surrogate_is_refused()
    {
        Assert.Equal("\"\ud83d\ude00\"", Write(w => w.WriteString("\ud83d\ude00")));

        ArgumentException lone = Assert.Throws<ArgumentException>(() => Write(w => w.WriteString("a\ud83d")));
        Assert.Equal("value", lone.ParamName);
        Assert.Throws<ArgumentException>(() => Write(w => w.WriteString("\ude00b")));
        Assert.Throws<ArgumentException>(() => Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("\ude00");
        }));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    [InlineData(1234567890L, "1234567890")]
    [InlineData(CanonicalJsonWriter.MaxSafeInteger, "9007199254740991")]
    [InlineData(-CanonicalJsonWriter.MaxSafeInteger, "-9007199254740991")]
    public void Integers_within_the_safe_range_are_plain_decimals(long value, string expected)
    {
        Assert.Equal(expected, Write(w => w.WriteNumber(value)));
    }

    [Fact]
    public void Integers_outside_the_safe_range_are_refused_naming_the_argument()
    {
        long twoToThe53 = CanonicalJsonWriter.MaxSafeInteger + 1;
        ulong large = ulong.MaxValue;

        ArgumentOutOfRangeException signed = Assert.Throws<ArgumentOutOfRangeException>(() => new CanonicalJsonWriter().WriteNumber(twoToThe53));
        ArgumentOutOfRangeException unsigned = Assert.Throws<ArgumentOutOfRangeException>(() => new CanonicalJsonWriter().WriteNumber(large));
        ArgumentOutOfRangeException named = Assert.Throws<ArgumentOutOfRangeException>(() => new CanonicalJsonWriter().WriteNumber(long.MinValue, "Size"));

        Assert.Equal("twoToThe53", signed.ParamName);
        Assert.Equal("large", unsigned.ParamName);
        Assert.Equal("Size", named.ParamName);
        Assert.Contains("IEEE doubles", signed.Message, StringComparison.Ordinal);
        Assert.Equal("9007199254740991", Write(w => w.WriteNumber((ulong)CanonicalJsonWriter.MaxSafeInteger)));
    }

    [Fact]
    public void Members_out_of_UTF_16_order_or_repeated_are_refused()
    {
        var writer = new CanonicalJsonWriter();
        writer.WriteStartObject();
        writer.WritePropertyName("\ud83d\ude00");
        writer.WriteNull();

        // U+FB33 is below U+1F600 as a code point but above its high surrogate U+D83D as a code unit.
        writer.WritePropertyName("\ufb33");
        writer.WriteNull();
        Assert.Throws<InvalidOperationException>(() => writer.WritePropertyName("\ufb33"));
        Assert.Throws<InvalidOperationException>(() => writer.WritePropertyName("a"));
    }

    [Fact]
    public void Values_in_the_wrong_place_and_an_unfinished_value_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new CanonicalJsonWriter().ToJson());
        Assert.Throws<InvalidOperationException>(() => new CanonicalJsonWriter().WritePropertyName("a"));
        Assert.Throws<InvalidOperationException>(() => new CanonicalJsonWriter().WriteEndArray());

        var nameless = new CanonicalJsonWriter();
        nameless.WriteStartObject();
        Assert.Throws<InvalidOperationException>(() => nameless.WriteBoolean(true));
        Assert.Throws<InvalidOperationException>(() => nameless.WriteEndArray());
        nameless.WritePropertyName("a");
        Assert.Throws<InvalidOperationException>(() => nameless.WriteEndObject());
        Assert.Throws<InvalidOperationException>(() => nameless.WritePropertyName("b"));
        Assert.False(nameless.IsComplete);
        Assert.Throws<InvalidOperationException>(() => nameless.ToJson());

        var done = new CanonicalJsonWriter();
        done.WriteNull();
        Assert.True(done.IsComplete);
        Assert.Throws<InvalidOperationException>(() => done.WriteNull());
    }

    [Fact]
    public void Nested_objects_and_arrays_have_no_whitespace()
    {
        string json = Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("a");
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteNumber(1);
            w.WriteEndArray();
            w.WritePropertyName("b");
            w.WriteStartObject();
            w.WritePropertyName("c");
            w.WriteString("d");
            w.WriteEndObject();
            w.WriteEndObject();
        });

        Assert.Equal("""{"a":[{},[],1],"b":{"c":"d"}}""", json);
        Assert.Equal(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(SystemTextJsonCanonicaliser.Canonicalise(json)));
    }

    private static string Write(Action<CanonicalJsonWriter> write)
    {
        var writer = new CanonicalJsonWriter();
        write(writer);
        return writer.ToJson();
    }
}
