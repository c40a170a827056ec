using System.Text;
using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

public sealed class JsonReaderCancellationTests
{
    private static readonly string LargeDocument = "[" + string.Join(",", Enumerable.Repeat("{\"a\":[1,2,\"x\"]}", 10_000)) + "]";

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("[1,]")]
    [InlineData("")]
    public void CanceledTokenThrowsInsteadOfReturningAResult(string json)
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.Throws<OperationCanceledException>(() => JsonReader.Parse(json, source.Token));
        Assert.Throws<OperationCanceledException>(() => JsonReader.ParseUtf8(Encoding.UTF8.GetBytes(json), source.Token));
    }

    [Fact]
    public void ParserChecksTheTokenWhileReadingValues()
    {
        // Bypasses the entry-point check to show the parsing loop itself observes cancellation.
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.Throws<OperationCanceledException>(() => JsonParser.Parse(LargeDocument, source.Token));
    }

    [Fact]
    public void DecoderChecksTheTokenWhileDecoding()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.Throws<OperationCanceledException>(() => Utf8Decoder.TryDecode(Encoding.UTF8.GetBytes(LargeDocument), source.Token, out _, out _));
    }

    [Fact]
    public void UncanceledTokenParsesNormally()
    {
        using var source = new CancellationTokenSource();

        Assert.Equal(10_000, Assert.IsType<JsonArray>(JsonReader.Parse(LargeDocument, source.Token).Root).Items.Count);
    }
}
