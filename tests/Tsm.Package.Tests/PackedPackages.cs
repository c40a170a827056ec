namespace Tsm.Package.Tests;

/// <summary>
/// Packs Tsm.Generators and Tsm.Runtime once per test run into a private folder, under a version no earlier run used:
/// NuGet caches packages by id and version, so reusing a version would test a stale package.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    public PackedPackages()
    {
        Root = Directory.CreateTempSubdirectory("tsm-package-test-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        string repository = FindRepository();
        foreach (string project in new[] { "src/Tsm.Runtime/Tsm.Runtime.csproj", "src/Tsm.Generators.Package/Tsm.Generators.Package.csproj" })
        {
            (int exitCode, string output) = DotNet.Run(repository, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
            }
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string FindRepository()
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
