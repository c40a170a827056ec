using System.Globalization;

namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>What one fuzz run of one parser did: case counts, how many inputs the parser accepted, time, and failures.</summary>
internal sealed class FuzzResult(string parser)
{
    public const int MaxFailuresKept = 5;

    public string Parser { get; } = parser;

    public int TruncationCases { get; set; }

    public int RandomCases { get; set; }

    public int Accepted { get; set; }

    public int FailureCount { get; private set; }

    public List<string> Failures { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public int Cases => TruncationCases + RandomCases;

    public void Fail(string failure)
    {
        FailureCount++;
        if (Failures.Count < MaxFailuresKept)
        {
            Failures.Add(failure);
        }
    }

    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{Parser}: {Cases} cases ({TruncationCases} truncations, {RandomCases} random mutations), {Accepted} accepted, {FailureCount} failed, {Elapsed.TotalSeconds:F1} s");
}
