using System.Globalization;

namespace Tsm.Attestation.Tests.Fuzzing;

/// <summary>
/// How much to fuzz, from the environment (docs/fuzzing.md): the bounded run of <c>dotnet test</c> by default,
/// <c>TSM_FUZZ_SOAK=1</c> for the soak run, <c>TSM_FUZZ_CASES</c> to set the random cases per parser,
/// <c>TSM_FUZZ_SEED</c> to change the run's seed and <c>TSM_FUZZ_CASE</c> to replay one failing case by its case seed.
/// </summary>
internal sealed record FuzzSettings(bool Soak, int RandomCases, int Seed, int? ReplayCase)
{
    public const int DefaultSeed = 20261127;
    public const int BoundedCases = 3_000;
    public const int SoakCases = 100_000;

    public static FuzzSettings FromEnvironment()
    {
        bool soak = Environment.GetEnvironmentVariable("TSM_FUZZ_SOAK") == "1";
        return new FuzzSettings(
            soak,
            Number("TSM_FUZZ_CASES") ?? (soak ? SoakCases : BoundedCases),
            Number("TSM_FUZZ_SEED") ?? DefaultSeed,
            Number("TSM_FUZZ_CASE"));
    }

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
