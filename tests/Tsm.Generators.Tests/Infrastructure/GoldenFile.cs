using Tsm.Generators.Emit;

namespace Tsm.Generators.Tests.Infrastructure;

/// <summary>
/// A committed copy of generated source. The generator's version is stored as <see cref="VersionPlaceholder"/>, so a
/// version bump changes no baseline; TSM_UPDATE_BASELINES=1 rewrites the file instead of comparing.
/// </summary>
internal static class GoldenFile
{
    public const string VersionPlaceholder = "{GeneratorVersion}";

    public static void AssertMatches(string baseline, string generated)
    {
        string actual = generated.Replace(GeneratorInfo.Version, VersionPlaceholder, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("TSM_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(baseline, actual);
        }

        Assert.True(File.Exists(baseline), $"No baseline {baseline}; run the tests with TSM_UPDATE_BASELINES=1 to create it.");
        Assert.Equal(File.ReadAllText(baseline), actual);
    }
}
