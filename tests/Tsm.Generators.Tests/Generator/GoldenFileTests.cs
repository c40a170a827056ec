using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// The generated source of every shipped schema is committed under Baselines/, generated with the default options
/// (namespace Tsm.Vendors, internal types; see AccessibilityTests for public). A change to the output shows up as a
/// reviewable diff; set TSM_UPDATE_BASELINES=1 to rewrite the baselines after an intended change.
/// </summary>
public sealed class GoldenFileTests
{
    public static TheoryData<string> ShippedSchemaFiles() => new(RepositoryPaths.ShippedSchemas().Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(ShippedSchemaFiles))]
    public void Generated_source_matches_the_committed_baseline(string schemaFile)
    {
        string path = Path.Combine(RepositoryPaths.Schemas, schemaFile);
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(new[] { GeneratorHarness.Schema(path, File.ReadAllText(path)) });

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Empty(GeneratorHarness.GeneratedCodeProblems(output));
        Assert.NotEmpty(result.Results.Single().GeneratedSources);
        // MeasurementPlatforms and TsmCatalog list the vendors of the compilation, so their baselines are those of all shipped schemas.
        foreach (GeneratedSourceResult generated in result.Results.Single().GeneratedSources.Where(static s => s.HintName is not PlatformsHintName and not CatalogHintName))
        {
            AssertBaseline(generated);
        }
    }

    [Fact]
    public void The_entry_point_over_every_shipped_schema_matches_its_baseline()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas());

        Assert.Empty(GeneratorHarness.Errors(output));
        AssertBaseline(result.Results.Single().GeneratedSources.Single(static s => s.HintName == PlatformsHintName));
    }

    [Fact]
    public void The_catalog_of_every_shipped_schema_matches_its_baseline()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas());

        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Empty(GeneratorHarness.GeneratedCodeProblems(output));
        AssertBaseline(result.Results.Single().GeneratedSources.Single(static s => s.HintName == CatalogHintName));
    }

    private const string PlatformsHintName = "MeasurementPlatforms.g.cs";

    private const string CatalogHintName = "TsmCatalog.g.cs";

    private static void AssertBaseline(GeneratedSourceResult generated) =>
        GoldenFile.AssertMatches(Path.Combine(RepositoryPaths.Baselines, generated.HintName), generated.SourceText.ToString());

    [Fact]
    public void Every_baseline_belongs_to_a_shipped_schema()
    {
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas());
        IEnumerable<string> hints = result.Results.Single().GeneratedSources.Select(static s => s.HintName).Order(StringComparer.Ordinal);
        IEnumerable<string> baselines = Directory.GetFiles(RepositoryPaths.Baselines, "*.g.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

        Assert.Equal(hints, baselines);
    }

    [Fact]
    public void Output_does_not_depend_on_the_input_order_or_the_culture()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fi-FI");
            (GeneratorDriverRunResult reversed, _) = GeneratorHarness.Run(schemas.Reverse());
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            (GeneratorDriverRunResult forward, _) = GeneratorHarness.Run(schemas);

            Assert.Equal(Texts(forward), Texts(reversed));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        static IEnumerable<string> Texts(GeneratorDriverRunResult run) => run.Results.Single().GeneratedSources
            .OrderBy(static s => s.HintName, StringComparer.Ordinal)
            .Select(static s => s.HintName + "\n" + s.SourceText);
    }
}
