using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tsm.Generators.Diagnostics;

namespace Tsm.Generators.CodeFixes.Usage;

/// <summary>
/// TSM1003 on a register name: one fix per closest valid name the analyzer found (<c>"rtmr4"</c> → <c>"rtmr3"</c>, ...;
/// an ambiguous <c>"pcr7"</c> → <c>"pcr7:sha256"</c>, ...). Offered only when the name is a string literal; a constant
/// defined elsewhere is left for the user to change at its definition.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterNameCodeFix))]
[Shared]
public sealed class RegisterNameCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownRegister);

    /// <summary>No fix-all: each name has its own suggestions.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestions, out string? joined) || string.IsNullOrEmpty(joined) ||
                root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not SyntaxNode node ||
                Literal(node) is not LiteralExpressionSyntax literal)
            {
                continue;
            }

            foreach (string suggestion in joined!.Split(DiagnosticProperties.Separator))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{suggestion}'",
                        ct => ReplaceAsync(context.Document, literal, suggestion, ct),
                        equivalenceKey: nameof(RegisterNameCodeFix) + ":" + suggestion),
                    diagnostic);
            }
        }
    }

    private static LiteralExpressionSyntax? Literal(SyntaxNode node)
    {
        SyntaxNode current = node is ArgumentSyntax argument ? argument.Expression : node;
        while (current is ParenthesizedExpressionSyntax parenthesized)
        {
            current = parenthesized.Expression;
        }

        return current is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
    }

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string name, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        LiteralExpressionSyntax replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))
            .WithTriviaFrom(literal);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
    }
}
