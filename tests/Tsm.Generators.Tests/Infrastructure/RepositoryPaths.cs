namespace Tsm.Generators.Tests.Infrastructure;

/// <summary>Finds the repository's folders from the test's output directory, wherever the clone is.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Baselines => Path.Combine(Root, "tests", "Tsm.Generators.Tests", "Baselines");

    public static IReadOnlyList<string> ShippedSchemas() =>
        Directory.GetFiles(Schemas, "*.tsm.json").Order(StringComparer.Ordinal).ToList();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tsm.Generators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tsm.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
