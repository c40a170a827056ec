namespace Tsm.Testing;

/// <summary>
/// Whether Debian's swtpm, swtpm-tools and tpm2-tools are installed. Without them the swtpm tests are skipped with a
/// reason, unless CI or TSM_REQUIRE_SWTPM=1 asks for them, in which case they fail: CI never skips them silently.
/// </summary>
internal static class Swtpm
{
    public static readonly IReadOnlyList<string> Tools = ["swtpm", "swtpm_setup", "tpm2_pcrread", "tpm2_pcrextend"];

    public static IReadOnlyList<string> Missing { get; } = Tools.Where(tool => FindOnPath(tool) is null).ToList();

    public static bool Available => Missing.Count == 0;

    public static bool Required =>
        Environment.GetEnvironmentVariable("TSM_REQUIRE_SWTPM") == "1" || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string SkipReason =>
        $"swtpm tests need {string.Join(", ", Missing)} on PATH: apt-get install swtpm swtpm-tools tpm2-tools (CI and TSM_REQUIRE_SWTPM=1 make this a failure).";

    public static void Require()
    {
        if (!Available)
        {
            throw new InvalidOperationException(SkipReason);
        }
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
