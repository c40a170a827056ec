using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Tsm.Generators;

namespace Tsm.Benchmarks;

/// <summary>
/// The generator over the five shipped schemas: a cold full run, and the no-op run after an unrelated C# edit that
/// an IDE performs on every keystroke (baseline: the cold run).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private ImmutableArray<AdditionalText> _schemas;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private SchemaOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        string schemas = Path.Combine(FindRoot(), "schemas");
        _schemas = Directory.GetFiles(schemas, "*.tsm.json").Order(StringComparer.Ordinal)
            .Select(static p => (AdditionalText)new FileText(p, File.ReadAllText(p)))
            .ToImmutableArray();
        _options = new SchemaOptions();
        _compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("class A { }") }, Net100.References.All);
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));
        _warm = NewDriver().RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "full run, 5 schemas")]
    public GeneratorDriver FullRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "no-op incremental run")]
    public GeneratorDriver NoOpRun() => _warm.RunGenerators(_edited);

    private GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        new[] { new TsmSchemaGenerator().AsSourceGenerator() }, _schemas, CSharpParseOptions.Default, _options);

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tsm.Generators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }

    private sealed class FileText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks every additional file as a schema, as the <c>TsmVendor</c> item does in a real build.</summary>
    private sealed class SchemaOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Schema = new Options("build_metadata.AdditionalFiles.TsmSchema", "true");
        private static readonly AnalyzerConfigOptions None = new Options(string.Empty, string.Empty);

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Schema;

        private sealed class Options(string key, string value) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? result)
            {
                result = name == key ? value : null;
                return result is not null;
            }
        }
    }
}
