namespace Tsm.Package.Tests;

/// <summary>
/// Packs every package of the repository once per test run into a private folder, under a version no earlier run used:
/// NuGet caches packages by id and version, so reusing a version would test a stale package.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    /// <summary>The package ids and the projects that produce them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["Tsm.Runtime"] = "src/Tsm.Runtime/Tsm.Runtime.csproj",
        ["Tsm.Generators"] = "src/Tsm.Generators.Package/Tsm.Generators.Package.csproj",
        ["Tsm.Attestation"] = "src/Tsm.Attestation/Tsm.Attestation.csproj",
        ["Tsm.EventLog"] = "src/Tsm.EventLog/Tsm.EventLog.csproj",
        ["Tsm.Cli"] = "src/Tsm.Cli/Tsm.Cli.csproj",
    };

    public PackedPackages()
    {
        Root = Directory.CreateTempSubdirectory("tsm-package-test-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        Repository = FindRepository();
        foreach (string project in Projects.Values)
        {
            (int exitCode, string output) = DotNet.Run(Repository, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
            }
        }
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    /// <summary>The repository the packages were packed from.</summary>
    public string Repository { get; }

    /// <summary>The .nupkg file of <paramref name="id"/>.</summary>
    public string PackageFile(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>
    /// Makes <paramref name="directory"/> restore from the local feed into a private package cache. The feed is added
    /// to the machine's package sources: Tsm.Runtime's own dependencies, such as System.Formats.Cbor, come from there.
    /// </summary>
    public void WriteNuGetConfig(string directory) => File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{PackageCache}" />
          </config>
          <packageSources>
            <add key="tsm-local" value="{Feed}" />
          </packageSources>
        </configuration>
        """);

    /// <summary>Where restores in this test run put packages: never the user's cache, which may hold an older package of the same version.</summary>
    public string PackageCache => Path.Combine(Root, "nuget-cache");

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
