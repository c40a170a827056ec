using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Tsm.Generators.Analyzers;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// Setup shared by the usage analyzer tests, built like a consumer's build: the real shipped schemas as additional
/// files marked <c>TsmSchema=true</c> by a global analyzer config, the real generator producing the vendor classes
/// from them (nothing is copied from the baselines), Tsm.Runtime and the .NET 10 reference assemblies from
/// Basic.Reference.Assemblies (no download).
/// </summary>
internal static class UsageTesting
{
    /// <summary>The usings every test snippet starts with.</summary>
    public const string Usings = """
        using System;
        using System.IO;
        using System.Security.Cryptography;
        using System.Text;
        using Tsm;
        using Tsm.Vendors;

        """;

    public static IReadOnlyList<(string Path, string Text)> Schemas { get; } = RepositoryPaths.ShippedSchemas()
        .Select(static p => ("/0/schemas/" + Path.GetFileName(p), File.ReadAllText(p)))
        .ToList();

    /// <summary>
    /// Every usage analyzer; each test runs them all, so a case also shows that the others stay quiet. The exception is
    /// PhysicalRoleRegisterAnalyzer (TSM1006), whose tests run it with these.
    /// </summary>
    public static IReadOnlyList<DiagnosticAnalyzer> Analyzers =>
        new DiagnosticAnalyzer[] { new RegisterUsageAnalyzer(), new RegisterFileAnalyzer(), new ReportViewAnalyzer() };

    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(Tsm.MeasurementDevice).Assembly.Location);

    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = SchemaAnalyzerTesting.NoPackages;
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);
        test.TestState.AdditionalReferences.Add(Runtime);
        foreach ((string path, string text) in Schemas)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.TestState.AnalyzerConfigFiles.Add((SchemaAnalyzerTesting.GlobalConfigPath, SchemaAnalyzerTesting.MarkAsSchemas(Schemas.Select(static s => s.Path).ToArray())));

        // TSM1001 and TSM1002 are raised by two analyzers with one shared descriptor.
        test.MarkupOptions |= MarkupOptions.UseFirstDescriptor;

        // The generated sources are the generator's business (golden files); here they are only the API under test.
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    /// <summary>
    /// Wraps statements in a method whose parameters are the usual inputs of the snippets, in an internal class: the
    /// generated vendor types are internal by default, so only internal code can take them as parameters.
    /// </summary>
    public static string InMethod(string statements) => Usings + $$"""
        internal static class Consumer
        {
            public static void Run(Tdx tdx, Tpm tpm, ArmCca cca, SevSnp snp, TsmMrSample sample, byte[] x, Stream stream)
            {
        {{Indent(statements, 8)}}
            }
        }
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));

    /// <summary>
    /// Runs every usage analyzer over <paramref name="sources"/> the way a build does (generator first, then the
    /// analyzers with the schemas as additional files), without the markup harness: for corpora read from disk.
    /// Returns the compiler errors and the analyzers' diagnostics.
    /// </summary>
    public static Task<(IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Diagnostics)> AnalyzeAsync(OutputKind kind, params string[] sources) =>
        AnalyzeAsync(Analyzers, kind, sources);

    /// <summary><see cref="AnalyzeAsync(OutputKind, string[])"/> with other analyzers.</summary>
    public static async Task<(IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Diagnostics)> AnalyzeAsync(IEnumerable<DiagnosticAnalyzer> analyzers, OutputKind kind, params string[] sources)
    {
        IReadOnlyList<AdditionalText> schemas = Schemas.Select(static s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)).ToList();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Consumer",
            sources.Select(static s => CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions)),
            GeneratorHarness.References,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorHarness.Driver(schemas).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        var options = new TestOptionsProvider(schemas.Select(static t => t.Path).ToHashSet(), new Dictionary<string, string>());
        CompilationWithAnalyzers analysis = output.WithAnalyzers(analyzers.ToImmutableArray(), new AnalyzerOptions(schemas.ToImmutableArray(), options));
        ImmutableArray<Diagnostic> diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, static d => d.Id == "AD0001");
        IReadOnlyList<Diagnostic> errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        return (errors, diagnostics);
    }
}

/// <summary>A test of all usage analyzers at once over the shipped schemas and the code generated from them.</summary>
internal sealed class UsageAnalyzerTest : CSharpAnalyzerTest<RegisterUsageAnalyzer, DefaultVerifier>
{
    public UsageAnalyzerTest(string source)
    {
        TestCode = source;
        UsageTesting.Configure(this);
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(TsmSchemaGenerator) };

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => UsageTesting.Analyzers;

    protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}

/// <summary>A code-fix test over the shipped schemas and the code generated from them.</summary>
internal sealed class UsageCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public UsageCodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        UsageTesting.Configure(this);
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(TsmSchemaGenerator) };

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => UsageTesting.Analyzers;

    protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
}
