using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

/// <summary>
/// Thousands of mutated documents: our reader never throws and always agrees with System.Text.Json. Seeds are fixed so
/// a failure names an input that can be replayed.
/// </summary>
public sealed class RandomAgreementTests
{
    private const int CasesPerSeed = 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(20250611)]
    public void MutatedDocumentsAreAcceptedOrRejectedExactlyLikeSystemTextJson(int seed)
    {
        var fuzzer = new JsonFuzzer(seed);
        int accepted = 0;
        int invalidUtf8 = 0;
        for (int i = 0; i < CasesPerSeed; i++)
        {
            byte[] input = fuzzer.Next();
            string replay = $"seed {seed}, case {i}, bytes {Convert.ToHexString(input)}";
            using JsonDocument? reference = SystemTextJsonReference.TryParse(input);
            bool isValidUtf8 = Utf8.IsValid(input);
            invalidUtf8 += isValidUtf8 ? 0 : 1;
            accepted += reference is null ? 0 : 1;

            JsonParseResult fromBytes = ParseWithoutThrowing(() => JsonReader.ParseUtf8(input, CancellationToken.None), replay);
            AssertSameOutcome(reference, fromBytes, isValidUtf8 ? Encoding.UTF8.GetString(input) : null, replay + " (ParseUtf8)");
            if (isValidUtf8)
            {
                string text = Encoding.UTF8.GetString(input);
                JsonParseResult fromText = ParseWithoutThrowing(() => JsonReader.Parse(text, CancellationToken.None), replay);
                AssertSameOutcome(reference, fromText, text, replay + " (Parse)");
            }
        }

        // A generator that only produced garbage, or only valid documents, would make agreement meaningless.
        Assert.InRange(accepted, CasesPerSeed / 10, CasesPerSeed * 9 / 10);
        Assert.InRange(invalidUtf8, CasesPerSeed / 50, CasesPerSeed / 4);
    }

    private static JsonParseResult ParseWithoutThrowing(Func<JsonParseResult> parse, string replay)
    {
        try
        {
            return parse();
        }
        catch (Exception exception)
        {
            Assert.Fail($"Reader threw for {replay}: {exception}");
            throw;
        }
    }

    private static void AssertSameOutcome(JsonDocument? reference, JsonParseResult result, string? text, string replay)
    {
        Assert.True(
            (reference is not null) == result.Success,
            $"STJ {(reference is null ? "rejects" : "accepts")}, ours {(result.Success ? "accepts" : "rejects: " + result.Error)}; {replay}");
        if (text is null)
        {
            return;
        }

        if (reference is not null && result.Success)
        {
            JsonTreeAssert.Equal(reference.RootElement, result.Root, text);
        }
        else
        {
            PositionOracle.AssertConsistent(text, result.Error!.Position, replay);
        }
    }
}
