using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tsm.Generators.Diagnostics;

namespace Tsm.Generators.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="SchemaFileAnalyzer"/> over additional files the way a build does: every file in
/// <c>schemas</c> carries <c>TsmSchema=true</c>, files in <c>others</c> do not.
/// </summary>
internal static class AnalyzerHarness
{
    /// <param name="compilation">The C# the schemas are analyzed with (whose types an <c>as</c> may name); a stub by default.</param>
    public static async Task<ImmutableArray<Diagnostic>> Analyze(IEnumerable<AdditionalText> schemas, IEnumerable<AdditionalText>? others = null, Compilation? compilation = null)
    {
        ImmutableArray<AdditionalText> marked = schemas.ToImmutableArray();
        ImmutableArray<AdditionalText> files = marked.AddRange(others ?? Array.Empty<AdditionalText>());
        var options = new TestOptionsProvider(marked.Select(static t => t.Path).ToHashSet(), new Dictionary<string, string>());
        CompilationWithAnalyzers analysis = (compilation ?? GeneratorHarness.Compilation("class A { }")).WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaFileAnalyzer()),
            new AnalyzerOptions(files, options));
        ImmutableArray<Diagnostic> diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();

        // An analyzer that throws shows up as AD0001 instead of failing the build.
        Assert.DoesNotContain(diagnostics, static d => d.Id == "AD0001");
        return diagnostics;
    }
}
