using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tsm.Generators.Analyzers;

internal static class Operations
{
    /// <summary>Looks through conversions (<c>byte[]</c> → <c>ReadOnlySpan&lt;byte&gt;</c>, casts to an interface), which keep the value's identity.</summary>
    public static IOperation? StripConversions(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The syntax to report on for an argument: its expression, without <c>ref</c>/<c>out</c> or a name.</summary>
    public static SyntaxNode ArgumentSyntax(IArgumentOperation argument) =>
        argument.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax syntax ? syntax.Expression : argument.Value.Syntax;

    /// <summary>The argument bound to the parameter called <paramref name="name"/>, or null (also when defaulted).</summary>
    public static IArgumentOperation? Argument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument;
            }
        }

        return null;
    }

    public static bool IsInNamespace(ISymbol symbol, string dottedNamespace) =>
        symbol.ContainingNamespace?.ToDisplayString() == dottedNamespace;
}
