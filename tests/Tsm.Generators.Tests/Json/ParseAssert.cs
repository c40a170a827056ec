using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

/// <summary>Parses and asserts the outcome, showing the reader's error when a parse unexpectedly fails.</summary>
internal static class ParseAssert
{
    public static JsonNode Succeeds(string json)
    {
        JsonParseResult result = JsonReader.Parse(json, CancellationToken.None);
        Assert.True(result.Success, "Expected success but got " + result.Error);
        return result.Root;
    }

    public static T Succeeds<T>(string json)
        where T : JsonNode => Assert.IsType<T>(Succeeds(json));

    public static JsonError Fails(string json) => Failed(JsonReader.Parse(json, CancellationToken.None));

    public static JsonError FailsUtf8(byte[] utf8) => Failed(JsonReader.ParseUtf8(utf8, CancellationToken.None));

    public static JsonError Failed(JsonParseResult result)
    {
        Assert.False(result.Success, "Expected an error but the document parsed");
        Assert.Null(result.Root);
        return result.Error;
    }
}
