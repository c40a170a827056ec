using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// The generator must not redo work the IDE did not ask for: a C# edit leaves every step cached, and editing one
/// schema re-emits only that schema's class.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.SchemaInput, TrackingNames.SchemaResult, TrackingNames.VendorSpec, TrackingNames.DuplicateVendors, TrackingNames.Options,
    };

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.ShippedSchemas()).RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { int X => 1; }", GeneratorHarness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in TrackedSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            IEnumerable<IncrementalStepRunReason> reasons = second.TrackedSteps[step].SelectMany(static s => s.Outputs).Select(static o => o.Reason);
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}"));
        }

        Assert.All(
            second.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Changing_TsmAccessibility_re_emits_every_class_with_the_new_accessibility()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas();
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(schemas).RunGenerators(compilation);

        var options = new TestOptionsProvider(schemas.Select(static s => s.Path).ToHashSet(), new Dictionary<string, string> { ["build_property.TsmAccessibility"] = "public" });
        GeneratorRunResult second = driver.WithUpdatedAnalyzerConfigOptions(options).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(second.TrackedSteps[TrackingNames.Options].SelectMany(static s => s.Outputs), static o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(second.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs), static o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.Contains("public sealed partial class Tdx ", second.GeneratedSources.Single(static s => s.HintName == "Tdx.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_schema_re_emits_only_that_schemas_class()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas();
        AdditionalText tdx = schemas.Single(static s => s.Path.EndsWith("tdx.tsm.json", StringComparison.Ordinal));
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(schemas).RunGenerators(compilation);

        string editedText = tdx.GetText()!.ToString().Replace("\"Intel TDX\"", "\"Intel TDX (edited)\"", StringComparison.Ordinal);
        Assert.NotEqual(tdx.GetText()!.ToString(), editedText);
        driver = driver.ReplaceAdditionalText(tdx, GeneratorHarness.Schema(tdx.Path, editedText));
        GeneratorRunResult second = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var sourceOutputs = second.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs).ToList();
        Assert.Equal(1, sourceOutputs.Count(static o => o.Reason == IncrementalStepRunReason.Modified));
        var emitted = second.TrackedSteps[TrackingNames.VendorSpec].SelectMany(static s => s.Outputs)
            .Where(static o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New)
            .ToList();
        Assert.Single(emitted);
        Assert.Contains("Intel TDX (edited)", second.GeneratedSources.Single(static s => s.HintName == "Tdx.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
