using System.IO.Compression;
using System.Xml.Linq;

namespace Tsm.Package.Tests;

/// <summary>
/// What nuget.org and a library's own review read before anyone builds: every package states its licence (Apache-2.0,
/// as an SPDX expression), authors, description, tags and version, and carries its own README.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageMetadataTests(PackedPackages packages)
{
    public static TheoryData<string> PackageIds() => new(PackedPackages.Projects.Keys);

    [Fact]
    public void Packing_produces_exactly_the_four_packages()
    {
        IEnumerable<string> produced = Directory.GetFiles(packages.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

        Assert.Equal(PackedPackages.Projects.Keys.Select(id => $"{id}.{packages.Version}.nupkg").Order(StringComparer.Ordinal), produced);
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Every_package_states_id_version_authors_description_tags_and_the_apache_2_licence(string id)
    {
        XElement metadata = Nuspec(id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(packages.Version, Value(metadata, "version"));
        Assert.Equal("Tsm contributors", Value(metadata, "authors"));
        Assert.True(Value(metadata, "description").Length >= 40, $"{id}: description '{Value(metadata, "description")}' says too little");
        Assert.Contains("confidential-computing", Value(metadata, "tags").Split(' '));
        XElement license = Element(metadata, "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("Apache-2.0", license.Value);
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Every_package_carries_its_own_readme_that_starts_with_its_id(string id)
    {
        string readme = Value(Nuspec(id), "readme");

        using ZipArchive package = ZipFile.OpenRead(packages.PackageFile(id));
        ZipArchiveEntry? entry = package.GetEntry(readme);
        Assert.True(entry is not null, $"{id} names the readme '{readme}' but does not contain it");
        using var reader = new StreamReader(entry.Open());
        Assert.Equal("# " + id, reader.ReadLine());
    }

    [Fact]
    public void Tsm_Attestation_depends_on_Tsm_Runtime_of_its_own_version_and_not_on_the_generator_it_was_built_with()
    {
        IReadOnlyDictionary<string, string> dependencies = Nuspec("Tsm.Attestation").Descendants()
            .Where(static e => e.Name.LocalName == "dependency")
            .ToDictionary(static e => (string)e.Attribute("id")!, static e => (string)e.Attribute("version")!);

        Assert.Equal(packages.Version, dependencies["Tsm.Runtime"]);
        Assert.DoesNotContain("Tsm.Generators", dependencies.Keys);
    }

    [Fact]
    public void Tsm_EventLog_depends_on_Tsm_Runtime_and_Tsm_Attestation_of_its_own_version()
    {
        IReadOnlyDictionary<string, string> dependencies = Nuspec("Tsm.EventLog").Descendants()
            .Where(static e => e.Name.LocalName == "dependency")
            .ToDictionary(static e => (string)e.Attribute("id")!, static e => (string)e.Attribute("version")!);

        Assert.Equal(packages.Version, dependencies["Tsm.Runtime"]);
        Assert.Equal(packages.Version, dependencies["Tsm.Attestation"]);
    }

    private static string Value(XElement metadata, string name) => Element(metadata, name).Value;

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name) ?? throw new Xunit.Sdk.XunitException($"the nuspec has no <{name}>");

    /// <summary>The <c>metadata</c> element of the package's .nuspec, read from the .nupkg (a zip) as NuGet reads it.</summary>
    private XElement Nuspec(string id)
    {
        using ZipArchive package = ZipFile.OpenRead(packages.PackageFile(id));
        ZipArchiveEntry nuspec = Assert.Single(package.Entries, static e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using Stream stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(static e => e.Name.LocalName == "metadata");
    }
}
