using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

public sealed class JsonReaderStructureTests
{
    [Theory]
    [InlineData("true", nameof(JsonKind.True), true)]
    [InlineData("false", nameof(JsonKind.False), false)]
    [InlineData("null", nameof(JsonKind.Null), null)]
    public void LiteralsHaveTheirKindAndBooleanValue(string json, string kind, bool? booleanValue)
    {
        var literal = ParseAssert.Succeeds<JsonLiteral>(json);

        Assert.Equal(Enum.Parse<JsonKind>(kind), literal.Kind);
        Assert.Equal(booleanValue, literal.BooleanValue);
    }

    [Fact]
    public void ObjectKeepsPropertiesInDocumentOrder()
    {
        var obj = ParseAssert.Succeeds<JsonObject>("{\"z\":1,\"a\":\"x\",\"m\":[]}");

        Assert.Equal(JsonKind.Object, obj.Kind);
        Assert.Equal(["z", "a", "m"], obj.Properties.Select(p => p.Name));
        Assert.Equal([JsonKind.Number, JsonKind.String, JsonKind.Array], obj.Properties.Select(p => p.Value.Kind));
    }

    [Fact]
    public void TryGetPropertyFindsByExactName()
    {
        var obj = ParseAssert.Succeeds<JsonObject>("{\"name\":\"pcr\",\"Name\":2}");

        Assert.True(obj.TryGetProperty("name", out JsonProperty property));
        Assert.Equal("pcr", Assert.IsType<JsonString>(property.Value).Value);
        Assert.True(obj.TryGetProperty("Name", out JsonProperty other));
        Assert.Equal(JsonKind.Number, other.Value.Kind);
        Assert.False(obj.TryGetProperty("NAME", out JsonProperty missing));
        Assert.Null(missing);
    }

    [Fact]
    public void ArrayKeepsItemsInOrder()
    {
        var array = ParseAssert.Succeeds<JsonArray>("[1, \"two\", [3], {}, null]");

        Assert.Equal(
            [JsonKind.Number, JsonKind.String, JsonKind.Array, JsonKind.Object, JsonKind.Null],
            array.Items.Select(i => i.Kind));
    }

    [Fact]
    public void EmptyContainersHaveNoMembers()
    {
        Assert.Empty(ParseAssert.Succeeds<JsonObject>("{ }").Properties);
        Assert.Empty(ParseAssert.Succeeds<JsonArray>("[\r\n]").Items);
    }

    [Fact]
    public void TheSameNameInDifferentObjectsIsNotADuplicate()
    {
        var root = ParseAssert.Succeeds<JsonArray>("[{\"a\":1},{\"a\":2,\"b\":{\"a\":3}}]");

        Assert.Equal(2, root.Items.Count);
    }

    [Fact]
    public void DuplicatePropertyNameIsAnErrorAtTheSecondName()
    {
        JsonError error = ParseAssert.Fails("{\n  \"size\": 1,\n  \"size\": 2\n}");

        Assert.Equal("Duplicate property name 'size'; it is already defined at line 2, column 3", error.Message);
        Assert.Equal(new TextPosition(17, 3, 3), error.Position);
    }

    [Fact]
    public void DuplicatesAreFoundAfterEscapesAreResolved()
    {
        JsonError error = ParseAssert.Fails("{\"ab\":1,\"a\\u0062\":2}");

        Assert.Equal("Duplicate property name 'ab'; it is already defined at line 1, column 2", error.Message);
        Assert.Equal(9, error.Position.Column);
    }

    [Fact]
    public void NamesDifferingOnlyInCaseAreDistinct()
    {
        Assert.Equal(2, ParseAssert.Succeeds<JsonObject>("{\"a\":1,\"A\":2}").Properties.Count);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"k\":", "}")]
    public void SixtyFourLevelsOfNestingAreAccepted(string open, string close)
    {
        JsonNode node = ParseAssert.Succeeds(Nest(JsonReader.MaxDepth, open, close));

        int depth = 0;
        while (node is JsonArray or JsonObject)
        {
            depth++;
            node = node is JsonArray array ? array.Items[0] : ((JsonObject)node).Properties[0].Value;
        }

        Assert.Equal(64, depth);
    }

    [Fact]
    public void TheSixtyFifthLevelIsAnErrorAtItsOpeningBracket()
    {
        JsonError error = ParseAssert.Fails(Nest(65, "[", "]"));

        Assert.Equal("Expected at most 64 levels of nesting, found '[' at level 65", error.Message);
        Assert.Equal(new TextPosition(64, 1, 65), error.Position);
    }

    [Fact]
    public void DepthCountsObjectsAndArraysTogether()
    {
        JsonError error = ParseAssert.Fails("[" + Nest(63, "{\"k\":", "}", "[1]") + "]");

        Assert.Equal("Expected at most 64 levels of nesting, found '[' at level 65", error.Message);
    }

    [Fact]
    public void ClosingAContainerFreesItsLevel()
    {
        string siblingsAtLevel64 = "[" + Nest(63, "[", "]", "1") + "," + Nest(63, "[", "]", "2") + "]";

        Assert.Equal(2, ParseAssert.Succeeds<JsonArray>(siblingsAtLevel64).Items.Count);
    }

    [Fact]
    public void VeryDeepInputFailsWithoutOverflowingTheStack()
    {
        JsonError error = ParseAssert.Fails(new string('[', 1_000_000));

        Assert.Equal(64, error.Position.Offset);
    }

    [Fact]
    public void FailureCarriesNoRoot()
    {
        JsonParseResult result = JsonReader.Parse("[1,]", CancellationToken.None);

        Assert.False(result.Success);
        Assert.Null(result.Root);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void ErrorToStringShowsLineColumnAndMessage()
    {
        Assert.Equal("(2,1): Expected a JSON value after ',', found ']' (trailing commas are not allowed)", ParseAssert.Fails("[1,\n]").ToString());
    }

    private static string Nest(int depth, string open, string close, string innermost = "1") =>
        string.Concat(Enumerable.Repeat(open, depth)) + innermost + string.Concat(Enumerable.Repeat(close, depth));
}
