using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Tsm.Generators.Json;
using OurProperty = Tsm.Generators.Json.JsonProperty;
using StjProperty = System.Text.Json.JsonProperty;

namespace Tsm.Generators.Tests.Json;

/// <summary>Asserts that our tree says the same as a System.Text.Json document, node for node.</summary>
internal static class JsonTreeAssert
{
    /// <param name="text">The text our reader parsed (for UTF-8 input, its decoded text), to check every range against.</param>
    public static void Equal(JsonElement expected, JsonNode actual, string text) => Equal(expected, actual, text, "$");

    private static void Equal(JsonElement expected, JsonNode actual, string text, string path)
    {
        Assert.True(KindOf(expected) == actual.Kind, $"{path}: expected {KindOf(expected)}, got {actual.Kind}");
        PositionOracle.AssertConsistent(text, actual.Range.Start, path + " start");
        PositionOracle.AssertConsistent(text, actual.Range.End, path + " end");
        string rawText = text.Substring(actual.Range.Start.Offset, actual.Range.Length);
        Assert.True(expected.GetRawText() == rawText, $"{path}: range covers '{rawText}', expected '{expected.GetRawText()}'");

        switch (actual)
        {
            case JsonObject obj:
                ObjectsEqual(expected, obj, text, path);
                break;
            case JsonArray array:
                Assert.True(expected.GetArrayLength() == array.Items.Count, $"{path}: item count differs");
                int index = 0;
                foreach (JsonElement item in expected.EnumerateArray())
                {
                    Equal(item, array.Items[index], text, $"{path}[{index}]");
                    index++;
                }

                break;
            case JsonString str:
                StringsEqual(expected, str, path);
                break;
            case JsonNumber number:
                NumbersEqual(expected, number, path);
                break;
            case JsonLiteral literal:
                bool? expectedBoolean = expected.ValueKind == JsonValueKind.Null ? null : expected.GetBoolean();
                Assert.True(expectedBoolean == literal.BooleanValue, $"{path}: BooleanValue differs");
                break;
        }
    }

    private static void ObjectsEqual(JsonElement expected, JsonObject actual, string text, string path)
    {
        StjProperty[] expectedProperties = expected.EnumerateObject().ToArray();
        Assert.True(expectedProperties.Length == actual.Properties.Count, $"{path}: property count differs");
        for (int i = 0; i < expectedProperties.Length; i++)
        {
            StjProperty expectedProperty = expectedProperties[i];
            OurProperty actualProperty = actual.Properties[i];
            string propertyPath = $"{path}.{expectedProperty.Name}";
            Assert.True(expectedProperty.Name == actualProperty.Name, $"{path}: property {i} is '{actualProperty.Name}', expected '{expectedProperty.Name}'");
            string rawName = '"' + Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(expectedProperty)) + '"';
            string actualRawName = text.Substring(actualProperty.NameRange.Start.Offset, actualProperty.NameRange.Length);
            Assert.True(rawName == actualRawName, $"{propertyPath}: name range covers '{actualRawName}', expected '{rawName}'");
            PositionOracle.AssertConsistent(text, actualProperty.NameRange.Start, propertyPath + " name start");
            Assert.True(actual.TryGetProperty(actualProperty.Name, out var found) && ReferenceEquals(found, actualProperty), $"{propertyPath}: TryGetProperty does not find it");
            Equal(expectedProperty.Value, actualProperty.Value, text, propertyPath);
        }
    }

    private static void StringsEqual(JsonElement expected, JsonString actual, string path)
    {
        string expectedValue;
        try
        {
            expectedValue = expected.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // STJ cannot return a string holding a lone surrogate escape, which it accepts while parsing. The raw text
            // was compared above; here only make sure that is really why, since our value must keep the surrogate.
            Assert.False(IsWellFormedUtf16(actual.Value), $"{path}: STJ could not read the string, yet ours is well-formed");
            return;
        }

        Assert.True(expectedValue == actual.Value, $"{path}: value '{actual.Value}', expected '{expectedValue}'");
    }

    private static void NumbersEqual(JsonElement expected, JsonNumber actual, string path)
    {
        Assert.True(expected.GetRawText() == actual.RawText, $"{path}: raw text differs");
        bool expectedIsInt64 = expected.TryGetInt64(out long expectedInt64);
        Assert.True(expectedIsInt64 == actual.TryGetInt64(out long actualInt64) && expectedInt64 == actualInt64, $"{path}: TryGetInt64 differs");

        // Out of double's range STJ returns infinity; ours fails, so the answer does not depend on the host runtime.
        bool expectedIsDouble = expected.TryGetDouble(out double expectedDouble) && double.IsFinite(expectedDouble);
        bool actualIsDouble = actual.TryGetDouble(out double actualDouble);
        Assert.True(expectedIsDouble == actualIsDouble && (!expectedIsDouble || expectedDouble.Equals(actualDouble)), $"{path}: TryGetDouble differs");
    }

    private static JsonKind KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonKind.Object,
        JsonValueKind.Array => JsonKind.Array,
        JsonValueKind.String => JsonKind.String,
        JsonValueKind.Number => JsonKind.Number,
        JsonValueKind.True => JsonKind.True,
        JsonValueKind.False => JsonKind.False,
        JsonValueKind.Null => JsonKind.Null,
        _ => throw new ArgumentOutOfRangeException(nameof(element), element.ValueKind, "not a JSON value"),
    };

    private static bool IsWellFormedUtf16(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
