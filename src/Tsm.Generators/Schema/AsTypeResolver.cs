using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>
/// Whether the type an <c>as</c> names can carry its field in this compilation. The generated property is
/// <c>new T(value)</c> with <c>value</c> a <c>uint</c> or <c>ulong</c>, declared as <c>T</c> or <c>T?</c> on a report
/// view; so <c>T</c> must be one accessible, non-generic, non-ref struct with an accessible constructor taking exactly
/// that integer, public when the views are, and not obsolete (consumers build with warnings as errors). Any other
/// type would put a compiler error into generated code. The generator (to fall back to the plain integer) and
/// <see cref="Diagnostics.SchemaFileAnalyzer"/> (to report TSM0017) ask here, so they never disagree.
/// </summary>
internal static class AsTypeResolver
{
    /// <summary>Why <paramref name="name"/> cannot be the field's type (words that follow the type's name), or null when it can.</summary>
    /// <param name="name">The fully qualified name without <c>global::</c>.</param>
    /// <param name="integer">The field's integer (the reader allows <c>as</c> on <c>u32</c> and <c>u64</c>).</param>
    /// <param name="publicViews">Whether the generated report views are public (<c>TsmAccessibility</c>).</param>
    public static string? Problem(Compilation compilation, string name, IntegerWidth integer, bool publicViews)
    {
        string[] segments = name.Split('.');
        if (segments.Any(static s => SyntaxFacts.GetKeywordKind(s) != SyntaxKind.None))
        {
            return "has a C# keyword for a name part, which generated code cannot spell";
        }

        INamespaceOrTypeSymbol current = compilation.GlobalNamespace;
        for (int i = 0; i < segments.Length; i++)
        {
            bool last = i == segments.Length - 1;
            INamespaceOrTypeSymbol[] candidates = current.GetMembers(segments[i])
                .Where(m => m is INamespaceSymbol ? !last && current.IsNamespace : m is INamedTypeSymbol { Arity: 0 } t && compilation.IsSymbolAccessibleWithin(t, compilation.Assembly))
                .Cast<INamespaceOrTypeSymbol>()
                .ToArray();
            if (candidates.Length != 1)
            {
                return candidates.Length == 0 ? "is not in the compilation" : "names more than one type in the compilation";
            }

            current = candidates[0];
        }

        var type = (INamedTypeSymbol)current;
        SpecialType special = integer switch
        {
            IntegerWidth.U8 => SpecialType.System_Byte,
            IntegerWidth.U16 => SpecialType.System_UInt16,
            IntegerWidth.U32 => SpecialType.System_UInt32,
            IntegerWidth.U64 => SpecialType.System_UInt64,
        };
        if (type.TypeKind != TypeKind.Struct || type.IsRefLikeType)
        {
            return "is not a struct (a report view's property holds its value)";
        }

        if (publicViews && !IsPublic(type))
        {
            return "is not public, but the generated report views are (TsmAccessibility)";
        }

        IMethodSymbol? constructor = type.InstanceConstructors.FirstOrDefault(c =>
            c.Parameters.Length == 1 && c.Parameters[0].RefKind == RefKind.None && c.Parameters[0].Type.SpecialType == special &&
            compilation.IsSymbolAccessibleWithin(c, compilation.Assembly));
        if (constructor is null)
        {
            return $"has no accessible constructor taking exactly one {Emit.IntegerReads.CSharpType(integer)}";
        }

        return IsObsolete(type) || IsObsolete(constructor) ? "or its constructor is marked [Obsolete]" : null;
    }

    private static bool IsPublic(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsObsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute");
}
