using System.Text;
using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

public sealed class JsonReaderUtf8Tests
{
    [Fact]
    public void MultiByteCharactersDecodeToTheSameTreeAsTheString()
    {
        const string json = "{\"é\":\"€ 😀 \u07FF\u0800\uFFFF\"}";
        var fromBytes = Assert.IsType<JsonObject>(JsonReader.ParseUtf8(Encoding.UTF8.GetBytes(json), CancellationToken.None).Root);

        Assert.Equal("é", fromBytes.Properties[0].Name);
        Assert.Equal("€ 😀 \u07FF\u0800\uFFFF", Assert.IsType<JsonString>(fromBytes.Properties[0].Value).Value);
    }

    [Fact]
    public void OneLeadingByteOrderMarkIsSkipped()
    {
        JsonParseResult result = JsonReader.ParseUtf8([0xEF, 0xBB, 0xBF, (byte)'7'], CancellationToken.None);

        Assert.Equal("7", Assert.IsType<JsonNumber>(result.Root).RawText);
    }

    [Fact]
    public void ASecondByteOrderMarkIsAnError()
    {
        JsonError error = ParseAssert.FailsUtf8([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, (byte)'7']);

        Assert.Equal("Expected a JSON value, found U+FEFF", error.Message);
    }

    [Theory]
    [InlineData("22 80 22", "unexpected continuation byte 0x80")]
    [InlineData("22 C0 80 22", "lead byte 0xC0 can only start an overlong encoding")]
    [InlineData("22 C1 BF 22", "lead byte 0xC1 can only start an overlong encoding")]
    [InlineData("22 E0 9F BF 22", "overlong encoding 0xE0 0x9F 0xBF")]
    [InlineData("22 F0 8F BF BF 22", "overlong encoding 0xF0 0x8F 0xBF 0xBF")]
    [InlineData("22 ED A0 80 22", "encoded surrogate 0xED 0xA0 0x80")]
    [InlineData("22 ED BF BF 22", "encoded surrogate 0xED 0xBF 0xBF")]
    [InlineData("22 F4 90 80 80 22", "code point above U+10FFFF 0xF4 0x90 0x80 0x80")]
    [InlineData("22 F5 80 80 80 22", "byte 0xF5 never occurs in UTF-8")]
    [InlineData("22 FF 22", "byte 0xFF never occurs in UTF-8")]
    [InlineData("22 E2 82 22", "expected a continuation byte after 0xE2 0x82, found 0x22")]
    [InlineData("22 F0 9F 98", "expected a continuation byte after 0xF0 0x9F 0x98, found end of input")]
    public void InvalidUtf8IsAnErrorNamingTheBytes(string hex, string problem)
    {
        JsonError error = ParseAssert.FailsUtf8(Convert.FromHexString(hex.Replace(" ", "")));

        Assert.Equal("Invalid UTF-8 at byte offset 1: " + problem, error.Message);
        Assert.Equal(new TextPosition(1, 1, 2), error.Position);
    }

    [Fact]
    public void InvalidUtf8ErrorIsPositionedInTheDecodedText()
    {
        byte[] utf8 = [.. Encoding.UTF8.GetBytes("[\r\n\"é😀"), 0xC0, 0x80, .. "\"]"u8];

        JsonError error = ParseAssert.FailsUtf8(utf8);

        Assert.Equal("Invalid UTF-8 at byte offset 10: lead byte 0xC0 can only start an overlong encoding", error.Message);
        Assert.Equal(new TextPosition(7, 2, 5), error.Position);
    }

    [Fact]
    public void Utf8IsCheckedBeforeSyntaxSoABadByteAnywhereIsReported()
    {
        JsonError error = ParseAssert.FailsUtf8([(byte)'[', (byte)',', (byte)']', (byte)' ', 0xFF]);

        Assert.Equal("Invalid UTF-8 at byte offset 4: byte 0xFF never occurs in UTF-8", error.Message);
    }

    [Fact]
    public void LargestValidSequencesDecode()
    {
        byte[] utf8 = [(byte)'"', 0x7F, 0xDF, 0xBF, 0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF, (byte)'"'];

        var value = Assert.IsType<JsonString>(JsonReader.ParseUtf8(utf8, CancellationToken.None).Root);

        Assert.Equal("\u007F\u07FF\uFFFF\U0010FFFF", value.Value);
    }
}
