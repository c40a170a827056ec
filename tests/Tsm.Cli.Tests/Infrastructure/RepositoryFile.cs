namespace Tsm.Cli.Tests.Infrastructure;

/// <summary>Files of the repository the tests were built from, found above the test's output directory.</summary>
internal static class RepositoryFile
{
    public static string PathOf(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tsm.Generators.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("Tsm.Generators.sln not found above " + AppContext.BaseDirectory);
    }
}
