namespace Tsm.Benchmarks;

/// <summary>
/// The real reports the parse benchmarks read: from <c>TSM_SAMPLE_DATA</c>, or <c>../shared/data</c> next to the
/// repository (see the repository README); never copied into the repository.
/// </summary>
internal static class ParseSampleData
{
    public static byte[] Read(string relative)
    {
        string root = Environment.GetEnvironmentVariable("TSM_SAMPLE_DATA") is { Length: > 0 } configured ? configured : Beside();
        string path = Path.Combine(root, relative);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"Sample {relative} not found under {root}: set TSM_SAMPLE_DATA or put the shared data at ../shared/data.", path);
    }

    private static string Beside()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tsm.Generators.sln")))
            {
                return Path.Combine(dir.FullName, "..", "shared", "data");
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository, or set TSM_SAMPLE_DATA");
    }
}
