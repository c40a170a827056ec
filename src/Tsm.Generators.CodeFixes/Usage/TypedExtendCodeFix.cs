using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Tsm.Generators.Diagnostics;

namespace Tsm.Generators.CodeFixes.Usage;

/// <summary>
/// TSM1005 on <c>File.WriteAllBytes("/sys/class/misc/tdx_guest/measurements/rtmr3:sha384", digest);</c>: rewrites the
/// statement to the generated API,
/// <code>
/// using (var tdx = Tdx.Open())
/// {
///     tdx.Rtmr3.Extend(digest);
/// }
/// </code>
/// A block-scoped <c>using</c> statement rather than <c>Tdx.Open().Rtmr3.Extend(digest)</c>: the device owns a session
/// (open file handles on sysfs) that must be disposed, and the block keeps the change local to the one statement.
/// <c>Open()</c> auto-detects the kernel files exactly where the raw write went, so behaviour on hardware is unchanged;
/// in addition the size is checked before any I/O and the same code runs on the emulator. Offered only for a plain
/// <c>File.WriteAllBytes</c> statement (the analyzer says which argument holds the bytes).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypedExtendCodeFix))]
[Shared]
public sealed class TypedExtendCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RawRegisterFileWrite);

    /// <summary>No fix-all: each rewrite introduces a device variable, and two in one block would need distinct names.</summary>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.VendorClass, out string? className) || className is null ||
                !diagnostic.Properties.TryGetValue(DiagnosticProperties.RegisterAccessor, out string? accessor) || accessor is null ||
                !diagnostic.Properties.TryGetValue(DiagnosticProperties.VendorNamespace, out string? vendorNamespace) || vendorNamespace is null ||
                !diagnostic.Properties.TryGetValue(DiagnosticProperties.DataArgument, out string? dataIndex) ||
                !int.TryParse(dataIndex, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ||
                root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not SyntaxNode node ||
                node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { Parent: ExpressionStatementSyntax statement } invocation ||
                index >= invocation.ArgumentList.Arguments.Count)
            {
                continue;
            }

            ExpressionSyntax data = invocation.ArgumentList.Arguments[index].Expression;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Extend through {className}.{accessor}",
                    ct => RewriteAsync(context.Document, statement, data, className, vendorNamespace, accessor, ct),
                    equivalenceKey: nameof(TypedExtendCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> RewriteAsync(
        Document document,
        ExpressionStatementSyntax statement,
        ExpressionSyntax data,
        string className,
        string vendorNamespace,
        string accessor,
        CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        bool imported = await IsImportedAsync(document, statement, vendorNamespace, cancellationToken).ConfigureAwait(false);
        string variable = UniqueName(model, statement.SpanStart, char.ToLowerInvariant(className[0]) + className.Substring(1));
        ExpressionSyntax type = SyntaxFactory.ParseExpression(imported || vendorNamespace.Length == 0 ? className : vendorNamespace + "." + className);
        ExpressionSyntax open = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName("Open")));
        ExpressionSyntax target = SyntaxFactory.ParseExpression(variable + "." + accessor + ".Extend");
        StatementSyntax extend = SyntaxFactory.ExpressionStatement(
            SyntaxFactory.InvocationExpression(target, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(data.WithoutTrivia())))));
        UsingStatementSyntax replacement = SyntaxFactory.UsingStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var"),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(variable).WithInitializer(SyntaxFactory.EqualsValueClause(open)))),
                null,
                SyntaxFactory.Block(extend))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(statement, replacement));
    }

    /// <summary>
    /// Whether the generated namespace is in scope at <paramref name="node"/>: a <c>using</c> in the file or an enclosing
    /// namespace, a <c>global using</c> anywhere in the project, or code inside that namespace. Decided from syntax,
    /// because a fix may run before the generator's output is part of the workspace.
    /// </summary>
    private static async Task<bool> IsImportedAsync(Document document, SyntaxNode node, string vendorNamespace, CancellationToken cancellationToken)
    {
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            SyntaxList<UsingDirectiveSyntax> usings = ancestor switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            };
            if (usings.Any(u => Imports(u, vendorNamespace)))
            {
                return true;
            }

            // Inside namespace N (or N.Sub), the types of N are in scope.
            if (ancestor is BaseNamespaceDeclarationSyntax declaration &&
                (declaration.Name.ToString() == vendorNamespace || declaration.Name.ToString().StartsWith(vendorNamespace + ".", System.StringComparison.Ordinal)))
            {
                return true;
            }
        }

        foreach (Document other in document.Project.Documents)
        {
            if (await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit &&
                unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && Imports(u, vendorNamespace)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Imports(UsingDirectiveSyntax directive, string vendorNamespace) =>
        directive.Alias is null && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && directive.Name?.ToString() == vendorNamespace;

    private static string UniqueName(SemanticModel model, int position, string name)
    {
        string candidate = name;
        for (int i = 2; model.LookupSymbols(position, name: candidate).Length > 0; i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
