using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

public sealed class JsonReaderNumberTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void IntegersInRangeConvertToInt64(string json, long expected)
    {
        var number = ParseAssert.Succeeds<JsonNumber>(json);

        Assert.True(number.IsInteger);
        Assert.True(number.TryGetInt64(out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("1E+2")]
    [InlineData("-0.5")]
    public void FractionOrExponentMeansNotAnInteger(string json)
    {
        var number = ParseAssert.Succeeds<JsonNumber>(json);

        Assert.False(number.IsInteger);
        Assert.False(number.TryGetInt64(out _));
        Assert.True(number.TryGetDouble(out _));
    }

    [Theory]
    [InlineData("3.25", 3.25)]
    [InlineData("-2.5E-3", -0.0025)]
    [InlineData("1e-400", 0.0)]
    [InlineData("9223372036854775808", 9223372036854775808.0)]
    public void TryGetDoubleRoundsToTheNearestDouble(string json, double expected)
    {
        Assert.True(ParseAssert.Succeeds<JsonNumber>(json).TryGetDouble(out double value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void HugeNumbersAreValidAndKeepTheirRawText()
    {
        var integer = ParseAssert.Succeeds<JsonNumber>("123456789012345678901234567890");
        Assert.Equal("123456789012345678901234567890", integer.RawText);
        Assert.True(integer.IsInteger);
        Assert.False(integer.TryGetInt64(out _));

        var outOfDoubleRange = ParseAssert.Succeeds<JsonNumber>("-1e400");
        Assert.Equal("-1e400", outOfDoubleRange.RawText);
        Assert.False(outOfDoubleRange.TryGetDouble(out _));
    }

    [Fact]
    public void RawTextIsExactlyAsWritten()
    {
        var array = ParseAssert.Succeeds<JsonArray>("[ -0.10E+007 ,1.50]");

        Assert.Equal(["-0.10E+007", "1.50"], array.Items.Cast<JsonNumber>().Select(n => n.RawText));
    }
}
