using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Diagnostics;

/// <summary>
/// Reports the problems of each schema file (every additional file marked <c>TsmSchema="true"</c>) on its exact JSON
/// token. It runs the generator's own <see cref="SchemaParser"/>, so the analyzer and the generator never disagree on
/// what is valid; the generator only skips the broken file. Being an analyzer, the diagnostics show live in the IDE
/// (generator diagnostics in additional files do not, roslyn#49531) and can be suppressed like any other.
/// </summary>
/// <remarks>
/// TSM0011 (two files claiming one vendor) needs every file at once and decides which file is generated, so the
/// generator reports it, not this analyzer.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticCatalog.All
        .Where(static d => IsSchemaId(d.Id))
        .ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(AnalyzeFile);
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        AdditionalText file = context.AdditionalFile;
        if (!SchemaFiles.IsSchema(file, context.Options.AnalyzerConfigOptionsProvider))
        {
            return;
        }

        // A <TsmSchema> path that names no file has no text; the compiler already reports it (CS2001), and an
        // "invalid JSON" on top would blame a file that does not exist.
        if (file.GetText(context.CancellationToken) is not { } text)
        {
            return;
        }

        SchemaResult result = SchemaParser.Parse(new SchemaInput(file.Path, text.ToString()), context.CancellationToken);
        foreach (DiagnosticInfo diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    /// <summary>TSM0001-TSM0999 are about schema files; TSM1000 and up are C# usage rules of other analyzers.</summary>
    private static bool IsSchemaId(string id) =>
        id.Length == 7 && id.StartsWith("TSM0", StringComparison.Ordinal) && id != "TSM0000";
}
