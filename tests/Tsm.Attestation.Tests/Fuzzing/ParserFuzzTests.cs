using Tsm.Attestation.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>
/// Every generated parser, top-level and nested, on every truncation and on seeded random mutations of every real
/// sample: only <see cref="ReportFormatException"/> escapes Parse, TryParse never throws, and an accepted view reads
/// completely. Bounded by default; <c>TSM_FUZZ_SOAK=1</c> runs the soak (docs/fuzzing.md).
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    [SampleDataTheory]
    [InlineData(nameof(TdReport))]
    [InlineData(nameof(TdQuote))]
    [InlineData(nameof(TdQuoteBody))]
    [InlineData(nameof(TdQuoteSignatureData))]
    [InlineData(nameof(QeReportCertificationData))]
    [InlineData(nameof(SgxReportBody))]
    [InlineData(nameof(SnpReport))]
    public void Mutated_samples_are_rejected_with_a_format_error_or_read_completely(string parser)
    {
        FuzzSettings settings = FuzzSettings.FromEnvironment();

        FuzzResult result = new FuzzRunner(FuzzTargets.Get(parser), settings).Run();

        output.WriteLine(result.Summary);
        Assert.True(result.FailureCount == 0, result.Summary + Environment.NewLine + string.Join(Environment.NewLine + Environment.NewLine, result.Failures));
        if (settings.ReplayCase is null)
        {
            Assert.Equal(settings.RandomCases, result.RandomCases);
            Assert.InRange(result.Accepted, 1, result.Cases - 1);
        }
    }

    [Fact]
    public void Case_seeds_are_stable_across_runs_and_differ_between_cases_and_parsers()
    {
        int first = FuzzRunner.CaseSeed(FuzzSettings.DefaultSeed, nameof(TdQuote), 0);

        Assert.Equal(first, FuzzRunner.CaseSeed(FuzzSettings.DefaultSeed, nameof(TdQuote), 0));
        Assert.NotEqual(first, FuzzRunner.CaseSeed(FuzzSettings.DefaultSeed, nameof(TdQuote), 1));
        Assert.NotEqual(first, FuzzRunner.CaseSeed(FuzzSettings.DefaultSeed, nameof(TdReport), 0));
        Assert.NotEqual(first, FuzzRunner.CaseSeed(FuzzSettings.DefaultSeed + 1, nameof(TdQuote), 0));
    }
}
