using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tsm.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="TsmSchemaGenerator"/> over schema files the way a build does, and compiles the result.</summary>
internal static class GeneratorHarness
{
    /// <summary>Documentation comments are parsed and checked, as in a consumer that builds with GenerateDocumentationFile.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>
    /// The consumer references Tsm.Runtime and Tsm.Attestation, like an app with both packages: the shipped sev-snp
    /// schema's <c>as</c> type is Tsm.Attestation's, and without it those fields would fall back to integers (TSM0017).
    /// </summary>
    public static IReadOnlyList<MetadataReference> References { get; } = Net100.References.All
        .Append(MetadataReference.CreateFromFile(typeof(Tsm.MeasurementDevice).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(Tsm.Attestation.SnpTcbVersion).Assembly.Location))
        .ToList();

    /// <summary>The references of a consumer that has Tsm.Runtime only, in which Tsm.Attestation's types do not exist.</summary>
    public static IReadOnlyList<MetadataReference> RuntimeOnlyReferences { get; } =
        Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Tsm.MeasurementDevice).Assembly.Location)).ToList();

    public static CSharpCompilation Compilation(params string[] sources) => Compilation(References, sources);

    public static CSharpCompilation Compilation(IReadOnlyList<MetadataReference> references, params string[] sources) => CSharpCompilation.Create(
        "Consumer",
        sources.Select(static s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> schemas, IReadOnlyDictionary<string, string>? globals = null)
    {
        ImmutableArray<AdditionalText> texts = schemas.ToImmutableArray();
        var options = new TestOptionsProvider(texts.Select(static t => t.Path).ToHashSet(), globals ?? new Dictionary<string, string>());
        return CSharpGeneratorDriver.Create(
            new[] { new TsmSchemaGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static AdditionalText Schema(string path, string json) => new InMemoryAdditionalText(path, json);

    public static IReadOnlyList<AdditionalText> ShippedSchemas() =>
        RepositoryPaths.ShippedSchemas().Select(static p => Schema(p, File.ReadAllText(p))).ToList();

    /// <summary>Runs the generator and returns its result plus the consumer compilation including generated code.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(IEnumerable<AdditionalText> schemas, params string[] consumerSources)
    {
        GeneratorDriver driver = Driver(schemas).RunGeneratorsAndUpdateCompilation(Compilation(consumerSources), out Compilation output, out _);
        return (driver.GetRunResult(), output);
    }

    public static IReadOnlyList<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Warnings and errors the compiler reports inside generated files: consumers build with warnings as errors.</summary>
    public static IReadOnlyList<Diagnostic> GeneratedCodeProblems(Compilation compilation) => compilation.GetDiagnostics()
        .Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
        .ToList();
}
