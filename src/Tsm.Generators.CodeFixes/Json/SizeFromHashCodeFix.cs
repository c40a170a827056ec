using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Tsm.Generators.Diagnostics;

namespace Tsm.Generators.CodeFixes.Json;

/// <summary>
/// TSM0006 (register size does not match its hash): rewrites the <c>"size"</c> value in the schema JSON to the
/// hash's digest size. Offered only when the diagnostic carries <see cref="DiagnosticProperties.ExpectedSize"/>, that
/// is when exactly one size is right (not for banks whose digests differ in size).
/// </summary>
[ExportCodeFixProvider(
    LanguageNames.CSharp,
    Name = nameof(SizeFromHashCodeFix),
    DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) },
    DocumentExtensions = new[] { ".json" })]
[Shared]
public sealed class SizeFromHashCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SizeDoesNotMatchHash);

    /// <summary>
    /// No fix-all: Roslyn's built-in fix-all providers only edit source documents, and a schema rarely has more than
    /// one wrong size.
    /// </summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        TextDocument document = context.TextDocument;
        SourceText text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ExpectedSize, out string? expected) ||
                !IsSize(expected) ||
                !IsNumberToken(text, diagnostic.Location.SourceSpan))
            {
                continue;
            }

            TextSpan span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Set 'size' to {expected}, the digest size",
                    cancellationToken => ReplaceAsync(document, span, expected!, cancellationToken),
                    equivalenceKey: nameof(SizeFromHashCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Solution> ReplaceAsync(TextDocument document, TextSpan span, string size, CancellationToken cancellationToken)
    {
        SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        SourceText fixedText = text.WithChanges(new TextChange(span, size));
        return document.Project.Solution.WithAdditionalDocumentText(document.Id, fixedText);
    }

    private static bool IsSize(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int size) && size > 0;

    /// <summary>The diagnostic must still sit on a JSON number; after other edits it might not.</summary>
    private static bool IsNumberToken(SourceText text, TextSpan span)
    {
        if (span.IsEmpty || span.End > text.Length)
        {
            return false;
        }

        for (int i = span.Start; i < span.End; i++)
        {
            char c = text[i];
            if (!(c is >= '0' and <= '9' || c is '-' or '+' or '.' or 'e' or 'E'))
            {
                return false;
            }
        }

        return true;
    }
}
