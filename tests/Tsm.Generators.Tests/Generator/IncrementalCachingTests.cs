using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// The generator must not redo work the IDE did not ask for: a C# edit leaves every step cached, editing one schema
/// re-emits only that schema's class, a whitespace-only edit re-emits nothing, adding or removing a schema leaves
/// every other schema's output cached, and no tracked value holds a symbol, syntax node, location or compilation.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.SchemaInput, TrackingNames.SchemaResult, TrackingNames.VendorSpec, TrackingNames.VendorKeys, TrackingNames.Options,
        TrackingNames.VendorOwner, TrackingNames.PlatformVendors, TrackingNames.CatalogVendors, TrackingNames.UnusableAsTypes,
        TrackingNames.VendorAsTypes,
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

    [Fact]
    public void A_whitespace_only_schema_edit_re_emits_nothing()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas();
        AdditionalText tdx = schemas.Single(static s => s.Path.EndsWith("tdx.tsm.json", StringComparison.Ordinal));
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(schemas).RunGenerators(compilation);

        string reindented = tdx.GetText()!.ToString().Replace("\n  ", "\n    ", StringComparison.Ordinal);
        GeneratorRunResult second = driver.ReplaceAdditionalText(tdx, GeneratorHarness.Schema(tdx.Path, reindented)).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(second.TrackedSteps[TrackingNames.SchemaInput].SelectMany(static s => s.Outputs), static o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(second.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs), static o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Adding_and_removing_a_schema_leaves_every_other_schemas_output_cached()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas();
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(schemas).RunGenerators(compilation);
        AdditionalText acme = GeneratorHarness.Schema(
            "/p/acme.tsm.json",
            """{ "vendor": "acme", "displayName": "Acme", "device": { "sysfs": "/sys/acme" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ] }""");

        var marked = new TestOptionsProvider(schemas.Append(acme).Select(static s => s.Path).ToHashSet(), new Dictionary<string, string>());

        driver = driver.AddAdditionalTexts([acme]).WithUpdatedAnalyzerConfigOptions(marked).RunGenerators(compilation);
        GeneratorRunResult added = driver.GetRunResult().Results.Single();
        GeneratorRunResult removed = driver.RemoveAdditionalTexts([acme]).RunGenerators(compilation).GetRunResult().Results.Single();

        // One output per shipped schema plus MeasurementPlatforms, which acme (no roles) leaves as it was; TsmCatalog,
        // which lists every vendor, is the one that changes.
        var addedOutputs = added.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs).ToList();
        Assert.Equal(schemas.Count + 1, addedOutputs.Count(static o => o.Reason == IncrementalStepRunReason.Cached));
        Assert.Single(addedOutputs, static o => o.Reason == IncrementalStepRunReason.New);
        Assert.Single(addedOutputs, static o => o.Reason == IncrementalStepRunReason.Modified);
        var removedOutputs = removed.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs).ToList();
        Assert.Equal(schemas.Count + 1, removedOutputs.Count(static o => o.Reason == IncrementalStepRunReason.Cached));
        Assert.DoesNotContain("Acme", removed.GeneratedSources.Single(static s => s.HintName == "TsmCatalog.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(removed.GeneratedSources, static s => s.HintName == "Acme.g.cs");
    }

    [Fact]
    public void Editing_a_schema_but_not_its_roles_leaves_MeasurementPlatforms_cached()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas();
        AdditionalText tdx = schemas.Single(static s => s.Path.EndsWith("tdx.tsm.json", StringComparison.Ordinal));
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(schemas).RunGenerators(compilation);

        string editedText = tdx.GetText()!.ToString().Replace("\"Intel TDX\"", "\"Intel TDX (edited)\"", StringComparison.Ordinal);
        GeneratorRunResult second = driver.ReplaceAdditionalText(tdx, GeneratorHarness.Schema(tdx.Path, editedText)).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(
            second.TrackedSteps[TrackingNames.PlatformVendors].SelectMany(static s => s.Outputs),
            static o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Adding_a_schema_that_maps_roles_re_emits_MeasurementPlatforms_and_nothing_else_of_the_others()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas();
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(schemas).RunGenerators(compilation);
        AdditionalText acme = GeneratorHarness.Schema(
            "/p/acme.tsm.json",
            """{ "vendor": "acme", "displayName": "Acme", "device": { "sysfs": "/sys/acme" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } } ], "logical": { "application": { "register": "m", "description": "Acme's only register." } } }""");
        var marked = new TestOptionsProvider(schemas.Append(acme).Select(static s => s.Path).ToHashSet(), new Dictionary<string, string>());

        GeneratorRunResult added = driver.AddAdditionalTexts([acme]).WithUpdatedAnalyzerConfigOptions(marked).RunGenerators(compilation).GetRunResult().Results.Single();

        // MeasurementPlatforms and TsmCatalog both list acme.
        var outputs = added.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs).ToList();
        Assert.Equal(schemas.Count, outputs.Count(static o => o.Reason == IncrementalStepRunReason.Cached));
        Assert.Single(outputs, static o => o.Reason == IncrementalStepRunReason.New);
        Assert.Equal(2, outputs.Count(static o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Contains("global::Tsm.Vendors.Acme.Definition", added.GeneratedSources.Single(static s => s.HintName == "MeasurementPlatforms.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_schemas_descriptions_leaves_TsmCatalog_cached()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas();
        AdditionalText tdx = schemas.Single(static s => s.Path.EndsWith("tdx.tsm.json", StringComparison.Ordinal));
        CSharpCompilation compilation = GeneratorHarness.Compilation("class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(schemas).RunGenerators(compilation);

        string editedText = tdx.GetText()!.ToString()
            .Replace("\"Intel TDX\"", "\"Intel TDX (edited)\"", StringComparison.Ordinal)
            .Replace("\"REPORTMACSTRUCT.REPORTTYPE.TYPE: 0x81 = TDX (0x00 = SGX).\"", "\"The report type (edited).\"", StringComparison.Ordinal);
        Assert.Contains("(edited).", editedText, StringComparison.Ordinal);
        GeneratorRunResult second = driver.ReplaceAdditionalText(tdx, GeneratorHarness.Schema(tdx.Path, editedText)).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(
            second.TrackedSteps[TrackingNames.CatalogVendors].SelectMany(static s => s.Outputs),
            static o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains("The report type (edited).", second.GeneratedSources.Single(static s => s.HintName == "TdReport.g.cs" || s.HintName == "Tdx.TdReport.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrelated_csharp_edit_leaves_a_vendor_whose_as_type_is_missing_cached()
    {
        // Only Tsm.Runtime: sev-snp's Tsm.Attestation.SnpTcbVersion is missing, so the lookup has an answer to keep.
        CSharpCompilation compilation = GeneratorHarness.Compilation(GeneratorHarness.RuntimeOnlyReferences, "class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.ShippedSchemas()).RunGenerators(compilation);

        GeneratorRunResult second = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions))).GetRunResult().Results.Single();

        IncrementalStepRunReason lookup = Assert.Single(second.TrackedSteps[TrackingNames.UnusableAsTypes].SelectMany(static s => s.Outputs)).Reason;
        Assert.Equal(IncrementalStepRunReason.Unchanged, lookup);
        Assert.All(second.TrackedSteps[TrackingNames.VendorAsTypes].SelectMany(static s => s.Outputs), static o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(second.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs), static o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Contains("public readonly ulong CurrentTcb", second.GeneratedSources.Single(static s => s.HintName == "SevSnp.SnpReport.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Declaring_the_missing_as_type_re_emits_only_the_vendor_that_names_it()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(GeneratorHarness.RuntimeOnlyReferences, "class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(GeneratorHarness.ShippedSchemas()).RunGenerators(compilation);

        const string Declared = "namespace Tsm.Attestation { public readonly struct SnpTcbVersion { public SnpTcbVersion(ulong raw) { } } }";
        GeneratorRunResult second = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Declared, GeneratorHarness.ParseOptions))).GetRunResult().Results.Single();

        var vendors = second.TrackedSteps[TrackingNames.VendorAsTypes].SelectMany(static s => s.Outputs).ToList();
        Assert.Equal(1, vendors.Count(static o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(vendors.Count - 1, vendors.Count(static o => o.Reason == IncrementalStepRunReason.Unchanged));
        Assert.Equal(1, second.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs).Count(static o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Contains("public readonly global::Tsm.Attestation.SnpTcbVersion CurrentTcb", second.GeneratedSources.Single(static s => s.HintName == "SevSnp.SnpReport.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_tracked_value_holds_a_symbol_syntax_location_or_compilation()
    {
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas()
            .Append(GeneratorHarness.Schema("/p/broken.tsm.json", """{ "vendor": "broken", "displayName": 1 }"""))
            .ToList();
        GeneratorRunResult run = GeneratorHarness.Driver(schemas).RunGenerators(GeneratorHarness.Compilation("class A { }")).GetRunResult().Results.Single();

        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        string[] ours = typeof(TrackingNames).GetFields().Select(static f => (string)f.GetValue(null)!).ToArray();
        Assert.Contains(TrackingNames.VendorOwner, run.TrackedSteps.Keys);
        foreach (object? value in run.TrackedSteps.Where(step => ours.Contains(step.Key)).SelectMany(static step => step.Value).SelectMany(static s => s.Outputs).Select(static o => o.Value))
        {
            Walk(value, "value", seen);
        }
    }

    /// <summary>Fails when <paramref name="value"/> or anything it holds is a compiler object, which breaks caching (also used by the events pipeline's test).</summary>
    internal static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or AdditionalText or Compilation or SemanticModel,
            $"{path} holds a {value.GetType().Name}, which breaks caching");
        if (value is System.Collections.IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items)
            {
                Walk(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (System.Reflection.FieldInfo field in value.GetType().GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
