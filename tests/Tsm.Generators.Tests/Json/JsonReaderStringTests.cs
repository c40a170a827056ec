using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

public sealed class JsonReaderStringTests
{
    [Theory]
    [InlineData("\"\\\"\"", "\"")]
    [InlineData("\"\\\\\"", "\\")]
    [InlineData("\"\\/\"", "/")]
    [InlineData("\"\\b\"", "\b")]
    [InlineData("\"\\f\"", "\f")]
    [InlineData("\"\\n\"", "\n")]
    [InlineData("\"\\r\"", "\r")]
    [InlineData("\"\\t\"", "\t")]
    [InlineData("\"\\u0041\"", "A")]
    [InlineData("\"\\u00e9\\u00E9\"", "éé")]
    [InlineData("\"\\u0000\"", "\0")]
    [InlineData("\"\\uD83D\\uDE00\"", "😀")]
    [InlineData("\"a\\tb\\nc\"", "a\tb\nc")]
    public void EscapesAreResolved(string json, string expected)
    {
        Assert.Equal(expected, ParseAssert.Succeeds<JsonString>(json).Value);
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"é € 😀\"", "é € 😀")]
    [InlineData("\"a\u007Fb\"", "a\u007Fb")]
    public void UnescapedTextIsKeptAsWritten(string json, string expected)
    {
        Assert.Equal(expected, ParseAssert.Succeeds<JsonString>(json).Value);
    }

    [Fact]
    public void LoneSurrogateEscapesInValuesAreKeptLikeJsonDocumentDoes()
    {
        Assert.Equal("\uD800", ParseAssert.Succeeds<JsonString>("\"\\uD800\"").Value);
        Assert.Equal("\uDC00", ParseAssert.Succeeds<JsonString>("\"\\uDC00\"").Value);
        Assert.Equal("\uDE00\uD83D", ParseAssert.Succeeds<JsonString>("\"\\uDE00\\uD83D\"").Value);
        Assert.Equal("\uD800x", ParseAssert.Succeeds<JsonString>("\"\\uD800x\"").Value);
        Assert.Equal("\uD800\uD800\uDC00", ParseAssert.Succeeds<JsonString>("\"\\uD800\\uD800\\uDC00\"").Value);
    }

    [Fact]
    public void LoneSurrogateEscapeInAPropertyNameIsAnErrorLikeJsonDocumentWithDuplicateChecks()
    {
        JsonError error = ParseAssert.Fails("{\"ok\":1,\"a\\udc00\":2}");

        Assert.Equal("Expected a surrogate pair in property name, found unpaired '\\udc00'", error.Message);
        Assert.Equal(new TextPosition(10, 1, 11), error.Position);
    }

    [Fact]
    public void PropertyNamesAreUnescaped()
    {
        var obj = ParseAssert.Succeeds<JsonObject>("{\"a\\u0062\\n\":1,\"\\uD83D\\uDE00\":2}");

        Assert.Equal(["ab\n", "😀"], obj.Properties.Select(p => p.Name));
    }

    [Fact]
    public void UnpairedSurrogateCharacterInTextIsAnError()
    {
        // Only Parse(string) can meet one: strict UTF-8 decoding never produces it. JsonDocument.Parse(string) rejects it too.
        JsonError error = ParseAssert.Fails("[\"ab\uD800\"]");

        Assert.Equal("Expected a complete UTF-16 surrogate pair, found unpaired surrogate U+D800", error.Message);
        Assert.Equal(new TextPosition(4, 1, 5), error.Position);
        Assert.Equal("Expected a complete UTF-16 surrogate pair, found unpaired surrogate U+DC00", ParseAssert.Fails("\"\uDC00\uD800\"").Message);
    }
}
