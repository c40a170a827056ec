using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

/// <summary>
/// Our reader accepts exactly what System.Text.Json's <c>JsonDocument</c> accepts (duplicates disallowed), and builds
/// the same tree.
/// </summary>
public sealed class SystemTextJsonAgreementTests
{
    public static TheoryData<string> CaseNames => new(AgreementCorpus.Cases.Select(c => c.Name));

    [Fact]
    public void ReferenceRejectsDuplicatePropertiesThroughTheDotNet10Option()
    {
        // Guards the reference itself: without AllowDuplicateProperties = false, JsonDocument would accept duplicates.
        Assert.Null(SystemTextJsonReference.TryParse("{\"a\":1,\"a\":2}"u8.ToArray()));
        using JsonDocument permissive = JsonDocument.Parse("{\"a\":1,\"a\":2}");
        Assert.Equal(2, permissive.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void CorpusHasAtLeastSixtyUniquelyNamedCasesWithBothOutcomes()
    {
        Assert.True(AgreementCorpus.Cases.Count >= 60);
        Assert.Equal(AgreementCorpus.Cases.Count, AgreementCorpus.Cases.Select(c => c.Name).Distinct().Count());
        Assert.Contains(AgreementCorpus.Cases, c => c.Accepted);
        Assert.Contains(AgreementCorpus.Cases, c => !c.Accepted);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void SystemTextJsonReachesTheExpectedOutcome(string name)
    {
        AgreementCase corpusCase = AgreementCorpus.Find(name);
        using JsonDocument? reference = SystemTextJsonReference.TryParse(corpusCase.Utf8);
        Assert.Equal(corpusCase.Accepted, reference is not null);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ParseUtf8AgreesWithSystemTextJson(string name)
    {
        AgreementCase corpusCase = AgreementCorpus.Find(name);
        AssertAgrees(JsonReader.ParseUtf8(corpusCase.Utf8, CancellationToken.None), corpusCase);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ParseOfTheDecodedTextAgreesWithSystemTextJson(string name)
    {
        AgreementCase corpusCase = AgreementCorpus.Find(name);
        if (!Utf8.IsValid(corpusCase.Utf8))
        {
            // Invalid UTF-8 has no string form; ParseUtf8AgreesWithSystemTextJson covers it.
            return;
        }

        AssertAgrees(JsonReader.Parse(Encoding.UTF8.GetString(corpusCase.Utf8), CancellationToken.None), corpusCase);
    }

    private static void AssertAgrees(JsonParseResult result, AgreementCase corpusCase)
    {
        using JsonDocument? reference = SystemTextJsonReference.TryParse(corpusCase.Utf8);
        Assert.True(corpusCase.Accepted == result.Success, $"Expected accepted={corpusCase.Accepted}, ours says {(result.Success ? "accepted" : result.Error.ToString())}");
        Assert.Equal(reference is not null, result.Success);
        if (reference is not null && result.Success)
        {
            JsonTreeAssert.Equal(reference.RootElement, result.Root, Encoding.UTF8.GetString(corpusCase.Utf8));
        }
        else if (Utf8.IsValid(corpusCase.Utf8))
        {
            PositionOracle.AssertConsistent(Encoding.UTF8.GetString(corpusCase.Utf8), result.Error!.Position, result.Error.Message);
        }
    }
}
