using System.Text;
using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

public sealed class JsonReaderPositionTests
{
    [Fact]
    public void NestedTokensReportLineAndColumnOfTheirFirstCharacter()
    {
        const string json = "{\n  \"registers\": [\n    { \"name\": \"pcr0\" }\n  ]\n}";
        var root = ParseAssert.Succeeds<JsonObject>(json);

        JsonProperty registers = root.Properties[0];
        var array = (JsonArray)registers.Value;
        JsonProperty name = ((JsonObject)array.Items[0]).Properties[0];

        Assert.Equal(new TextRange(new(0, 1, 1), new(47, 5, 2)), root.Range);
        Assert.Equal(new TextRange(new(4, 2, 3), new(15, 2, 14)), registers.NameRange);
        Assert.Equal(new TextPosition(17, 2, 16), array.Range.Start);
        Assert.Equal(new TextPosition(23, 3, 5), array.Items[0].Range.Start);
        Assert.Equal(new TextRange(new(25, 3, 7), new(31, 3, 13)), name.NameRange);
        Assert.Equal(new TextRange(new(33, 3, 15), new(39, 3, 21)), name.Value.Range);
        Assert.Equal(new TextPosition(45, 4, 4), array.Range.End);
    }

    [Fact]
    public void RangeEndIsJustAfterTheLastCharacter()
    {
        var array = ParseAssert.Succeeds<JsonArray>("[true,-1.5e3,\"a\\\"b\",null]");

        Assert.Equal(["true", "-1.5e3", "\"a\\\"b\"", "null"], array.Items.Select(i => "[true,-1.5e3,\"a\\\"b\",null]".Substring(i.Range.Start.Offset, i.Range.Length)));
    }

    [Theory]
    [InlineData("[\n1]", 2, 1)]
    [InlineData("[\r\n1]", 2, 1)]
    [InlineData("[\r1]", 2, 1)]
    [InlineData("[\n\r1]", 3, 1)]
    [InlineData("[\r\n\r\n  1]", 3, 3)]
    [InlineData("[\r\r\n\n1]", 4, 1)]
    public void CrLfAndLoneCrOrLfEachEndOneLine(string json, int line, int column)
    {
        var array = ParseAssert.Succeeds<JsonArray>(json);

        Assert.Equal(line, array.Items[0].Range.Start.Line);
        Assert.Equal(column, array.Items[0].Range.Start.Column);
    }

    [Fact]
    public void ErrorPositionCountsLinesTheSameWay()
    {
        JsonError error = ParseAssert.Fails("{\r\n  \"a\": 1,\r\n  \"b\" 2\r\n}");

        Assert.Equal("Expected ':' after property name, found '2'", error.Message);
        Assert.Equal(new TextPosition(20, 3, 7), error.Position);
    }

    [Fact]
    public void ColumnsCountUtf16CodeUnitsAndTabsAsOne()
    {
        var array = ParseAssert.Succeeds<JsonArray>("[\"é😀\",\t1]");

        Assert.Equal(new TextPosition(8, 1, 9), array.Items[1].Range.Start);
    }

    [Fact]
    public void ByteOrderMarkIsCountedInOffsetsButNotInColumns()
    {
        var array = ParseAssert.Succeeds<JsonArray>("\uFEFF[1]");

        Assert.Equal(new TextPosition(1, 1, 1), array.Range.Start);
        Assert.Equal(new TextPosition(2, 1, 2), array.Items[0].Range.Start);
    }

    [Fact]
    public void Utf8PositionsReferToTheDecodedText()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes("\uFEFF{\"é😀\":\n 1}");
        var obj = Assert.IsType<JsonObject>(JsonReader.ParseUtf8(utf8, CancellationToken.None).Root);

        Assert.Equal(new TextPosition(1, 1, 1), obj.Range.Start);
        Assert.Equal(new TextRange(new(2, 1, 2), new(7, 1, 7)), obj.Properties[0].NameRange);
        Assert.Equal(new TextPosition(10, 2, 2), obj.Properties[0].Value.Range.Start);
    }

    [Fact]
    public void ErrorAtEndOfInputIsPositionedJustPastTheLastCharacter()
    {
        JsonError error = ParseAssert.Fails("[\n  1,\n  2");

        Assert.Equal("Expected ',' or ']' after array item, found end of input", error.Message);
        Assert.Equal(new TextPosition(10, 3, 4), error.Position);
    }
}
