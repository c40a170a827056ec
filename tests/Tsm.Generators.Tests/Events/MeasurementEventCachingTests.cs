using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tsm.Generators.Events;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Events;

/// <summary>
/// The events pipeline redoes no work the edit did not ask for, holds only plain values, honours cancellation and
/// writes the same text whatever the order of the declarations or the culture.
/// </summary>
public sealed class MeasurementEventCachingTests
{
    private const string Events = EventGeneration.Usings + """
        namespace Coco;

        [MeasurementEvent("github.com/confidential-containers", "PullImage")]
        public sealed partial record PullImage(string Image, string Digest);

        [MeasurementEvent("example.com", "Start")]
        public readonly partial record struct Start(IReadOnlyList<string> Arguments, ulong? Limit);
        """;

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_event_output_cached()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Events, "class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver([]).RunGenerators(compilation);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("class A { int X => 1; }", GeneratorHarness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        IncrementalStepRunReason[] reasons = second.TrackedSteps[TrackingNames.MeasurementEvent].SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToArray();
        Assert.Equal(2, reasons.Length);
        Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        Assert.All(
            second.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs),
            static output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_event_re_emits_only_that_event()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Events);
        GeneratorDriver driver = GeneratorHarness.Driver([]).RunGenerators(compilation);

        CSharpCompilation edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Events.Replace("ulong? Limit", "ulong? Limit, bool Privileged", StringComparison.Ordinal), GeneratorHarness.ParseOptions));
        GeneratorRunResult second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = second.TrackedOutputSteps["SourceOutput"].SelectMany(static s => s.Outputs).ToList();
        // The other event, and the (empty) MeasurementPlatforms and TsmCatalog outputs of the schema pipeline, stay cached.
        Assert.Single(outputs, static o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(outputs, static o => o.Reason == IncrementalStepRunReason.Cached);
        Assert.All(outputs, static o => Assert.True(o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        Assert.Contains("\"privileged\"", second.GeneratedSources.Single(static s => s.HintName == "Coco.Start-Event.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_tracked_event_value_holds_a_symbol_syntax_location_or_compilation()
    {
        const string broken = """
            [MeasurementEvent("a b", "o")]
            public sealed partial record Broken(double Ratio);
            """;
        GeneratorRunResult run = GeneratorHarness.Driver([])
            .RunGenerators(GeneratorHarness.Compilation(Events, EventGeneration.Usings + broken))
            .GetRunResult().Results.Single();

        object?[] values = run.TrackedSteps[TrackingNames.MeasurementEvent].SelectMany(static s => s.Outputs).Select(static o => o.Value).ToArray();
        Assert.Equal(3, values.Length);
        Assert.All(values, static value => Assert.IsType<EventResult>(value));
        Assert.Contains(values, static value => ((EventResult)value!).Diagnostics.Count == 2);
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (object? value in values)
        {
            Generator.IncrementalCachingTests.Walk(value, "value", seen);
        }
    }

    [Fact]
    public void The_reader_stops_when_cancelled()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Events);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        RecordDeclarationSyntax declaration = tree.GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>().First();
        INamedTypeSymbol type = compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!;
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.Throws<OperationCanceledException>(() => EventReader.Read(declaration, type, type.GetAttributes().Single(), source.Token));
        Assert.Throws<OperationCanceledException>(() => GeneratorHarness.Driver([]).RunGenerators(compilation, source.Token));
    }

    [Fact]
    public void Output_does_not_depend_on_the_declaration_order_or_the_culture()
    {
        const string first = EventGeneration.Usings + """
            [MeasurementEvent("d", "a")]
            public sealed partial record A(string Zeta, int Alpha, string Émile, string Ézra, int Index, [property: JsonPropertyName("i")] string I2);
            """;
        const string second = EventGeneration.Usings + """
            [MeasurementEvent("d", "b")]
            public sealed partial record B(bool On);
            """;
        System.Globalization.CultureInfo culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            string[] reversed = Texts(GeneratorHarness.Run([], second, first).Result);
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            string[] forward = Texts(GeneratorHarness.Run([], first, second).Result);

            Assert.Equal(forward, reversed);
            Assert.Contains("\"alpha\"", forward[0], StringComparison.Ordinal);
            Assert.Contains("\"index\"", forward[0], StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        static string[] Texts(GeneratorDriverRunResult run) => run.Results.Single().GeneratedSources
            .OrderBy(static s => s.HintName, StringComparer.Ordinal)
            .Select(static s => s.HintName + "\n" + s.SourceText)
            .ToArray();
    }
}
