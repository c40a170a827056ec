namespace Tsm.Package.Tests;

/// <summary>A fresh project outside the repository that knows Tsm only through the packed packages.</summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>A project that uses the generator: Tsm.Generators (build-time only) and Tsm.Runtime, plus <paramref name="itemGroup"/>.</summary>
    public static ConsumerProject Create(PackedPackages packages, string name, string itemGroup, string outputType = "Exe") =>
        CreateReferencing(packages, name, outputType, $"""
            <ItemGroup>
                <PackageReference Include="Tsm.Generators" Version="{packages.Version}" PrivateAssets="all" />
                <PackageReference Include="Tsm.Runtime" Version="{packages.Version}" />
              </ItemGroup>
              {itemGroup}
            """);

    /// <summary>A project whose references are all in <paramref name="content"/>, placed inside its <c>Project</c> element.</summary>
    public static ConsumerProject CreateReferencing(PackedPackages packages, string name, string outputType, string content)
    {
        string directory = Path.Combine(packages.Root, name);
        System.IO.Directory.CreateDirectory(directory);
        packages.WriteNuGetConfig(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              {content}
            </Project>
            """);
        return new ConsumerProject(directory);
    }

    public void Write(string file, string text) => File.WriteAllText(Path.Combine(Directory, file), text);

    public (int ExitCode, string Output) Build() => DotNet.Run(Directory, "build", "-nologo", "-clp:NoSummary");

    public (int ExitCode, string Output) Run(params string[] arguments) => DotNet.Run(Directory, ["run", "--no-build", "--", .. arguments]);

    /// <summary>An MSBuild property as the restored project sees it, package props included.</summary>
    public string Property(string name)
    {
        (int restoreExit, string restoreOutput) = DotNet.Run(Directory, "restore");
        Assert.True(restoreExit == 0, restoreOutput);
        (int exitCode, string output) = DotNet.Run(Directory, "msbuild", "-nologo", "-getProperty:" + name);
        Assert.True(exitCode == 0, output);
        return output.Trim();
    }
}
