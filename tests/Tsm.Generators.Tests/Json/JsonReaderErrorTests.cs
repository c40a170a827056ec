using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

/// <summary>Every error says what was expected and what was found, and points at what was found.</summary>
public sealed class JsonReaderErrorTests
{
    [Theory]
    // Document shape
    [InlineData("", "Expected a JSON value, found end of input", 1, 1)]
    [InlineData(" \r\n ", "Expected a JSON value, found end of input", 2, 2)]
    [InlineData("1 2", "Expected end of input after the JSON value, found '2'", 1, 3)]
    [InlineData("truex", "Expected end of input after the JSON value, found 'x'", 1, 5)]
    [InlineData("]", "Expected a JSON value, found ']'", 1, 1)]
    [InlineData("\uFEFF\uFEFF1", "Expected a JSON value, found U+FEFF", 1, 1)]
    [InlineData("\f1", "Expected a JSON value, found U+000C", 1, 1)]
    [InlineData("\u00A01", "Expected a JSON value, found U+00A0", 1, 1)]
    // Habits from JavaScript and JSON5
    [InlineData("1 // note", "Expected end of input after the JSON value, found '/' (comments are not allowed)", 1, 3)]
    [InlineData("/* note */ 1", "Expected a JSON value, found '/' (comments are not allowed)", 1, 1)]
    [InlineData("'a'", "Expected a JSON value, found \"'\" (strings must use double quotes)", 1, 1)]
    [InlineData("{'a':1}", "Expected a property name in double quotes or '}', found \"'\" (strings must use double quotes)", 1, 2)]
    [InlineData("[1,]", "Expected a JSON value after ',', found ']' (trailing commas are not allowed)", 1, 4)]
    [InlineData("{\"a\":1,}", "Expected a property name in double quotes after ',', found '}' (trailing commas are not allowed)", 1, 8)]
    [InlineData("NaN", "Expected a JSON value, found 'N'", 1, 1)]
    [InlineData("-Infinity", "Expected a digit after '-', found 'I'", 1, 2)]
    // Literals
    [InlineData("tru", "Expected 'true', found end of input", 1, 4)]
    [InlineData("nulL", "Expected 'null', found 'L'", 1, 4)]
    [InlineData("[fals]", "Expected 'false', found ']'", 1, 6)]
    [InlineData("True", "Expected a JSON value, found 'T'", 1, 1)]
    // Numbers
    [InlineData("+1", "Expected a JSON value, found '+'", 1, 1)]
    [InlineData(".5", "Expected a JSON value, found '.'", 1, 1)]
    [InlineData("-", "Expected a digit after '-', found end of input", 1, 2)]
    [InlineData("01", "Leading zeros are not allowed in numbers, found '1' after '0'", 1, 2)]
    [InlineData("[-007]", "Leading zeros are not allowed in numbers, found '0' after '0'", 1, 4)]
    [InlineData("1.", "Expected a digit after the decimal point, found end of input", 1, 3)]
    [InlineData("1.e5", "Expected a digit after the decimal point, found 'e'", 1, 3)]
    [InlineData("1e", "Expected a digit in the exponent, found end of input", 1, 3)]
    [InlineData("1E+]", "Expected a digit in the exponent, found ']'", 1, 4)]
    // Strings
    [InlineData("\"abc", "Expected '\"' to close the string that starts at line 1, column 1, found end of input", 1, 5)]
    [InlineData("[\n \"a\tb\"]", "Control characters must be escaped in strings, found U+0009", 2, 4)]
    [InlineData("\"a\nb\"", "Control characters must be escaped in strings, found U+000A", 1, 3)]
    [InlineData("\"\\x\"", "Expected one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u' after '\\', found 'x'", 1, 3)]
    [InlineData("\"\\", "Expected one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u' after '\\', found end of input", 1, 3)]
    [InlineData("\"\\u12G4\"", "Expected 4 hex digits after '\\u', found 'G'", 1, 6)]
    [InlineData("\"\\u12\"", "Expected 4 hex digits after '\\u', found '\"'", 1, 6)]
    [InlineData("\"\\uD800\\u12\"", "Expected 4 hex digits after '\\u', found '\"'", 1, 12)]
    [InlineData("{\"\\uD800\":1}", "Expected a surrogate pair in property name, found unpaired '\\uD800'", 1, 3)]
    // Objects
    [InlineData("{", "Expected a property name in double quotes or '}', found end of input", 1, 2)]
    [InlineData("{a:1}", "Expected a property name in double quotes or '}', found 'a'", 1, 2)]
    [InlineData("{\"a\":1,2:3}", "Expected a property name in double quotes after ',', found '2'", 1, 8)]
    [InlineData("{\"a\" 1}", "Expected ':' after property name, found '1'", 1, 6)]
    [InlineData("{\"a\":}", "Expected a property value after ':', found '}'", 1, 6)]
    [InlineData("{\"a\":1 \"b\":2}", "Expected ',' or '}' after property value, found '\"'", 1, 8)]
    [InlineData("{\"a\":1]", "Expected ',' or '}' after property value, found ']'", 1, 7)]
    [InlineData("{\"a\":1,\"a\":2}", "Duplicate property name 'a'; it is already defined at line 1, column 2", 1, 8)]
    // Arrays
    [InlineData("[", "Expected a JSON value or ']', found end of input", 1, 2)]
    [InlineData("[,1]", "Expected a JSON value or ']', found ','", 1, 2)]
    [InlineData("[1,,2]", "Expected a JSON value after ',', found ','", 1, 4)]
    [InlineData("[1 2]", "Expected ',' or ']' after array item, found '2'", 1, 4)]
    [InlineData("[1}", "Expected ',' or ']' after array item, found '}'", 1, 3)]
    public void ErrorNamesWhatWasExpectedAndFoundAndPointsAtIt(string json, string message, int line, int column)
    {
        JsonError error = ParseAssert.Fails(json);

        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        PositionOracle.AssertConsistent(json, error.Position, message);
    }

    [Fact]
    public void FirstErrorWins()
    {
        Assert.Equal("Expected a JSON value after ',', found ']' (trailing commas are not allowed)", ParseAssert.Fails("[1,] // and a comment").Message);
    }
}
