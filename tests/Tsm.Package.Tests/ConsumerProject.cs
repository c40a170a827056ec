namespace Tsm.Package.Tests;

/// <summary>
/// A fresh project outside the repository that knows Tsm only through the packed packages: the local feed is added to
/// the machine's package sources (Tsm.Runtime's own dependencies, such as System.Formats.Cbor, come from there).
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static ConsumerProject Create(PackedPackages packages, string name, string itemGroup)
    {
        string directory = Path.Combine(packages.Root, name);
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(packages.Root, "nuget-cache")}" />
              </config>
              <packageSources>
                <add key="tsm-local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Tsm.Generators" Version="{packages.Version}" PrivateAssets="all" />
                <PackageReference Include="Tsm.Runtime" Version="{packages.Version}" />
              </ItemGroup>
              {itemGroup}
            </Project>
            """);
        return new ConsumerProject(directory);
    }

    public void Write(string file, string text) => File.WriteAllText(Path.Combine(Directory, file), text);

    public (int ExitCode, string Output) Build() => DotNet.Run(Directory, "build", "-nologo", "-clp:NoSummary");

    public (int ExitCode, string Output) Run() => DotNet.Run(Directory, "run", "--no-build");
}
