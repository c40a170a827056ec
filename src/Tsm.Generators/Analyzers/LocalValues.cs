using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// Which locals of a method body are assigned exactly once, by their declaration, and never written again (no
/// assignment, increment, <c>ref</c>/<c>out</c> argument, deconstruction or <c>ref</c> alias anywhere in the body,
/// lambdas included). Only for those does an analyzer look through the local to its initializer: anything else
/// might hold another value at the point of use, and guessing would mean false positives.
/// </summary>
internal static class LocalValues
{
    private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, IOperation?>> Cache = new();

    /// <summary>The initializer of the local <paramref name="reference"/> reads, when that is the only value it can hold.</summary>
    public static IOperation? SingleValue(ILocalReferenceOperation reference)
    {
        if (reference.Local.IsRef || reference.Local.IsConst)
        {
            return null;
        }

        IOperation root = Root(reference);
        Dictionary<ILocalSymbol, IOperation?> values = Cache.GetValue(root, Collect);
        return values.TryGetValue(reference.Local, out IOperation? value) ? value : null;
    }

    /// <summary>
    /// The constant <paramref name="value"/> has: its own, or that of the initializer of a local assigned once
    /// (<c>int i = 4; tdx.Rtmr(i)</c>), followed through at most a few such locals.
    /// </summary>
    public static Optional<object?> ConstantOf(IOperation? value)
    {
        for (int depth = 0; value is not null && depth < 4; depth++)
        {
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue;
            }

            value = value is ILocalReferenceOperation local ? SingleValue(local) : null;
        }

        return default;
    }

    /// <summary>Whether <paramref name="local"/> is written anywhere in <paramref name="root"/> except by its declaration.</summary>
    public static bool IsSingleAssigned(IOperation root, ILocalSymbol local) =>
        Cache.GetValue(root, Collect).TryGetValue(local, out IOperation? value) && value is not null;

    public static IOperation Root(IOperation operation)
    {
        IOperation current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    private static Dictionary<ILocalSymbol, IOperation?> Collect(IOperation root)
    {
        var values = new Dictionary<ILocalSymbol, IOperation?>(SymbolEqualityComparer.Default);
        foreach (IOperation operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator:
                    IOperation? initializer = declarator.GetVariableInitializer()?.Value;
                    values[declarator.Symbol] = values.ContainsKey(declarator.Symbol) || initializer is null
                        ? null
                        : initializer;
                    break;
                case ILocalReferenceOperation reference when IsWrite(reference):
                    values[reference.Local] = null;
                    break;
            }
        }

        return values;
    }

    /// <summary>Whether the reference is anything but a plain read.</summary>
    public static bool IsWrite(IOperation reference)
    {
        if (reference is ILocalReferenceOperation { IsDeclaration: true })
        {
            return true;
        }

        IOperation? parent = reference.Parent;
        switch (parent)
        {
            case IAssignmentOperation assignment when assignment.Target == reference:
            case IIncrementOrDecrementOperation:
                return true;
            case IArgumentOperation argument:
                return argument.Parameter is { RefKind: RefKind.Ref or RefKind.Out };
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } }:
                return true;
            case IAddressOfOperation:
                return true;
        }

        // Deconstruction targets: (a, b) = ... puts the local inside a tuple that is the assignment's target.
        for (IOperation? current = parent; current is ITupleOperation; current = current.Parent)
        {
            if (current.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current)
            {
                return true;
            }
        }

        return reference.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.RefExpressionSyntax;
    }
}
