using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace Tsm.Generators.Tests.Infrastructure;

/// <summary>
/// Applies a code fix to a diagnostic located in an additional file, the way the IDE does: a
/// <see cref="CodeFixContext"/> over the additional <see cref="TextDocument"/>.
/// </summary>
/// <remarks>
/// Microsoft.CodeAnalysis.Testing 1.1.4 cannot do this: <c>CodeFixTest</c> only passes diagnostics whose
/// <c>Location.SourceTree</c> is a C# document to the fix provider (its <c>FixedState.AdditionalFiles</c> support is
/// for fixes in C# files that add or remove additional files). So this runner builds the workspace itself, with the
/// same markup syntax (<c>{|TSM0006:32|}</c>) and the same <c>.globalconfig</c> per-file metadata.
/// </remarks>
internal sealed class AdditionalFileCodeFix
{
    private const int MaxIterations = 10;

    private readonly DiagnosticAnalyzer _analyzer;
    private readonly CodeFixProvider _fix;

    public AdditionalFileCodeFix(DiagnosticAnalyzer analyzer, CodeFixProvider fix)
    {
        _analyzer = analyzer;
        _fix = fix;
    }

    /// <summary>
    /// Checks that the analyzer reports exactly the fixable diagnostics marked in <paramref name="markedText"/>,
    /// applies the fix until nothing fixable is left, and checks the result is <paramref name="fixedText"/> with no
    /// fixable diagnostic remaining (marked ones in <paramref name="fixedText"/> are expected to stay).
    /// </summary>
    public async Task VerifyAsync(string path, string markedText, string fixedText)
    {
        TestFileMarkupParser.GetSpans(markedText, out string text, out ImmutableDictionary<string, ImmutableArray<TextSpan>> expected);
        TestFileMarkupParser.GetSpans(fixedText, out string fixedPlain, out ImmutableDictionary<string, ImmutableArray<TextSpan>> expectedAfter);

        using var workspace = new AdhocWorkspace();
        (Solution solution, DocumentId schemaId) = CreateSolution(workspace, path, text);
        Assert.Equal(Spans(expected), Spans(await FixableDiagnosticsAsync(solution, schemaId)));

        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            ImmutableArray<Diagnostic> fixable = await FixableDiagnosticsAsync(solution, schemaId);
            Solution? changed = null;
            foreach (Diagnostic diagnostic in fixable)
            {
                changed = await ApplyFirstActionAsync(solution.GetAdditionalDocument(schemaId)!, diagnostic);
                if (changed is not null)
                {
                    break;
                }
            }

            if (changed is null)
            {
                break;
            }

            solution = changed;
        }

        SourceText result = await solution.GetAdditionalDocument(schemaId)!.GetTextAsync();
        Assert.Equal(fixedPlain, result.ToString());
        Assert.Equal(Spans(expectedAfter), Spans(await FixableDiagnosticsAsync(solution, schemaId)));
    }

    private static (Solution Solution, DocumentId SchemaId) CreateSolution(AdhocWorkspace workspace, string path, string text)
    {
        var projectId = ProjectId.CreateNewId();
        var schemaId = DocumentId.CreateNewId(projectId, path);
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Consumer",
                "Consumer",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: GeneratorHarness.ParseOptions,
                metadataReferences: Net100.References.All))
            .AddDocument(DocumentId.CreateNewId(projectId), "Consumer.cs", SourceText.From("internal static class Consumer { }"), filePath: "/0/Consumer.cs")
            .AddAdditionalDocument(schemaId, Path.GetFileName(path), SourceText.From(text), filePath: path)
            .AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId),
                ".globalconfig",
                SourceText.From(SchemaAnalyzerTesting.MarkAsSchemas(path)),
                filePath: SchemaAnalyzerTesting.GlobalConfigPath);
        return (solution, schemaId);
    }

    private async Task<ImmutableArray<Diagnostic>> FixableDiagnosticsAsync(Solution solution, DocumentId schemaId)
    {
        Project project = solution.GetProject(schemaId.ProjectId)!;
        Compilation compilation = (await project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create(_analyzer), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, static d => d.Id == "AD0001");
        string path = solution.GetAdditionalDocument(schemaId)!.FilePath!;
        return diagnostics
            .Where(d => _fix.FixableDiagnosticIds.Contains(d.Id) && d.Location.GetLineSpan().Path == path)
            .OrderBy(static d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private async Task<Solution?> ApplyFirstActionAsync(TextDocument document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await _fix.RegisterCodeFixesAsync(context);
        if (actions.Count == 0)
        {
            return null;
        }

        ImmutableArray<CodeActionOperation> operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
    }

    private static List<(string Id, TextSpan Span)> Spans(ImmutableDictionary<string, ImmutableArray<TextSpan>> marked) => marked
        .SelectMany(static pair => pair.Value.Select(span => (pair.Key, span)))
        .OrderBy(static x => x.span.Start)
        .ToList();

    private static List<(string Id, TextSpan Span)> Spans(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Select(static d => (d.Id, d.Location.SourceSpan))
        .OrderBy(static x => x.SourceSpan.Start)
        .ToList();
}
