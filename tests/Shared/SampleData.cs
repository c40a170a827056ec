namespace Tsm.Testing;

/// <summary>
/// The real reports, quotes and tokens in ../shared/data (or TSM_SAMPLE_DATA). They are not part of the repository:
/// on a clone elsewhere the tests that need them are skipped with a reason, and CI fails when they are missing.
/// </summary>
internal static class SampleData
{
    public static string? Root { get; } = Find();

    public static bool Available => Root is not null;

    public static string SkipReason =>
        "Sample data not found: set TSM_SAMPLE_DATA or put the shared data at ../shared/data (see README).";

    public static string PathOf(string relative) =>
        System.IO.Path.Combine(Root ?? throw new InvalidOperationException(SkipReason), relative);

    public static byte[] Read(string relative) => File.ReadAllBytes(PathOf(relative));

    public static IReadOnlyList<string> Files(string folder) => Available
        ? Directory.GetFiles(PathOf(folder)).Select(f => System.IO.Path.GetRelativePath(Root!, f)).Order(StringComparer.Ordinal).ToList()
        : Array.Empty<string>();

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("TSM_SAMPLE_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(System.IO.Path.Combine(configured, "MANIFEST.md")) ? configured : null;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(System.IO.Path.Combine(candidate, "MANIFEST.md")))
            {
                return candidate;
            }
        }

        return null;
    }
}
