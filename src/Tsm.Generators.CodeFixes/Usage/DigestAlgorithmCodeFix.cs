using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Tsm.Generators.Diagnostics;

namespace Tsm.Generators.CodeFixes.Usage;

/// <summary>
/// TSM1002 on <c>SHA256.HashData(x)</c> passed to a SHA-384 register: hash with the register's algorithm instead.
/// For a typed register (<c>tdx.Rtmr3</c>) the preferred fix is <c>Sha384Digest.Compute(x)</c>, which binds to the
/// typed <c>Extend(in Sha384Digest)</c> overload so the compiler keeps checking it; the other fix, and the only one for
/// <c>IMeasurementRegister</c>, swaps the class: <c>SHA384.HashData(x)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DigestAlgorithmCodeFix))]
[Shared]
public sealed class DigestAlgorithmCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WrongDigest);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.HashDataCall) ||
                !diagnostic.Properties.TryGetValue(DiagnosticProperties.RegisterHash, out string? hash) || hash is null ||
                root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not SyntaxNode node ||
                HashDataCall(node) is not InvocationExpressionSyntax call)
            {
                continue;
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.DigestType, out string? digestType) && digestType is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use {digestType}.Compute",
                        ct => ReplaceAsync(context.Document, call, ComputeCall(call, digestType), ct),
                        equivalenceKey: nameof(DigestAlgorithmCodeFix) + ".Compute"),
                    diagnostic);
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.HashClass, out string? hashClass) && hashClass is not null
                && call.Expression is MemberAccessExpressionSyntax access)
            {
                ExpressionSyntax type = SyntaxFactory.ParseExpression("global::System.Security.Cryptography." + hashClass)
                    .WithAdditionalAnnotations(Simplifier.Annotation)
                    .WithTriviaFrom(access.Expression);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use {hashClass}.HashData",
                        ct => ReplaceAsync(context.Document, call, call.WithExpression(access.WithExpression(type)), ct),
                        equivalenceKey: nameof(DigestAlgorithmCodeFix) + ".HashData"),
                    diagnostic);
            }
        }
    }

    /// <summary>The diagnostic sits on the argument; the call may be wrapped in parentheses or be the node itself.</summary>
    private static InvocationExpressionSyntax? HashDataCall(SyntaxNode node)
    {
        SyntaxNode current = node is ArgumentSyntax argument ? argument.Expression : node;
        while (current is ParenthesizedExpressionSyntax parenthesized)
        {
            current = parenthesized.Expression;
        }

        return current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HashData" } } call
            ? call
            : null;
    }

    private static ExpressionSyntax ComputeCall(InvocationExpressionSyntax call, string digestType)
    {
        ExpressionSyntax compute = SyntaxFactory.ParseExpression("global::Tsm." + digestType + ".Compute")
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return SyntaxFactory.InvocationExpression(compute, call.ArgumentList).WithTriviaFrom(call);
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode));
    }
}
