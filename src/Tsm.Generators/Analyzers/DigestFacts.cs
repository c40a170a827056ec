using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// What is known at compile time about bytes passed to an extend: their size and, for digests, the algorithm.
/// <see cref="Source"/> and <see cref="What"/> read as "<c>SHA256.HashData(...)</c> is <c>a SHA-256 digest (32 bytes)</c>".
/// </summary>
internal sealed record DigestFacts(int Size, string? Hash, string Source, bool IsHashDataCall, bool HashDataTakesBytes)
{
    public string What => Hash is not null && Hash != HashAlgorithms.None
        ? "a " + HashNames.Display(Hash) + " digest (" + VendorModel.Invariant(Size) + " bytes)"
        : VendorModel.Invariant(Size) + (Size == 1 ? " byte" : " bytes");

    /// <summary>Whether these bytes cannot be what one extend of <paramref name="register"/> takes.</summary>
    public bool Mismatches(RegisterSpec register)
    {
        bool isDigest = Hash is not null && Hash != HashAlgorithms.None;
        if (register.HashChoices.Count > 0)
        {
            return isDigest
                ? !register.HashChoices.Contains(Hash!)
                : !register.HashChoices.Any(h => HashAlgorithms.DigestSize(h) == Size);
        }

        if (Size != VendorModel.InputSize(register))
        {
            return true;
        }

        bool registerHashed = register.Hash.Length > 0 && register.Hash != HashAlgorithms.None;
        return isDigest && registerHashed && Hash != register.Hash;
    }
}

/// <summary>Computes <see cref="DigestFacts"/> for the expressions whose size the compiler can know.</summary>
internal static class DigestEvaluator
{
    private const int MaxDepth = 3;
    private const string Cryptography = "System.Security.Cryptography";

    public static DigestFacts? Evaluate(IOperation? operation) => Evaluate(operation, 0);

    private static DigestFacts? Evaluate(IOperation? operation, int depth)
    {
        if (operation is null)
        {
            return null;
        }

        DigestFacts? fromSyntax = FromSyntax(operation);
        if (fromSyntax is not null)
        {
            return fromSyntax;
        }

        IOperation? value = Operations.StripConversions(operation);
        switch (value)
        {
            case IInvocationOperation invocation:
                return FromInvocation(invocation, depth);
            case IPropertyReferenceOperation { Property.Name: "Bytes", Instance: { } instance } when TsmValue(instance.Type) is (string hash, int size):
                return new DigestFacts(size, hash, Describe(value.Syntax), false, false);
            case IArrayCreationOperation array when IsByteArray(array.Type) && array.DimensionSizes.Length == 1:
                int? length = array.Initializer is not null
                    ? array.Initializer.ElementValues.Length
                    : array.DimensionSizes[0].ConstantValue is { HasValue: true, Value: int n } ? n : null;
                return length is int known ? new DigestFacts(known, null, Describe(value.Syntax), false, false) : null;
            case IUtf8StringOperation utf8:
                return new DigestFacts(Encoding.UTF8.GetByteCount(utf8.Value), null, "the UTF-8 literal", false, false);
            case ILocalReferenceOperation local when depth < MaxDepth:
                DigestFacts? inner = Evaluate(LocalValues.SingleValue(local), depth + 1);
                return inner is null ? null : inner with { Source = "'" + local.Local.Name + "'", IsHashDataCall = false };
            default:
                return value is null ? null : FromSyntax(value);
        }
    }

    /// <summary>Collection expressions and <c>stackalloc</c>, whose operation shapes differ between Roslyn versions: counted from syntax.</summary>
    private static DigestFacts? FromSyntax(IOperation operation)
    {
        switch (operation.Syntax)
        {
            case CollectionExpressionSyntax collection when IsByteContainer(operation.Type):
                return collection.Elements.All(static e => e is ExpressionElementSyntax)
                    ? new DigestFacts(collection.Elements.Count, null, "the collection expression", false, false)
                    : null;
            case StackAllocArrayCreationExpressionSyntax stackAlloc when stackAlloc.Initializer is not null:
                return new DigestFacts(stackAlloc.Initializer.Expressions.Count, null, "the stackalloc", false, false);
            case StackAllocArrayCreationExpressionSyntax { Type: ArrayTypeSyntax { RankSpecifiers: [{ Sizes: [ExpressionSyntax size] }] } }
                when operation.SemanticModel?.GetConstantValue(size) is { HasValue: true, Value: int n }:
                return new DigestFacts(n, null, "stackalloc byte[" + VendorModel.Invariant(n) + "]", false, false);
            case ImplicitStackAllocArrayCreationExpressionSyntax implicitStackAlloc:
                return new DigestFacts(implicitStackAlloc.Initializer.Expressions.Count, null, "the stackalloc", false, false);
            default:
                return null;
        }
    }

    private static DigestFacts? FromInvocation(IInvocationOperation invocation, int depth)
    {
        IMethodSymbol method = invocation.TargetMethod;
        INamedTypeSymbol type = method.ContainingType;
        switch (method.Name)
        {
            case "HashData" when method.IsStatic && IsByteArray(method.ReturnType) && Operations.IsInNamespace(type, Cryptography) &&
                HashNames.FromCryptographyClass(type.Name) is string hash:
                IParameterSymbol? source = method.Parameters.FirstOrDefault();
                bool takesBytes = source is not null && (IsByteArray(source.Type) || IsSpanOfByte(source.Type));
                return new DigestFacts(HashNames.DigestSize(hash), hash, type.Name + ".HashData(...)", true, takesBytes);
            case "ComputeHash" when !method.IsStatic && IsByteArray(method.ReturnType) && HashClassOf(invocation.Instance?.Type) is string computed:
                return new DigestFacts(HashNames.DigestSize(computed), computed, Describe(invocation.Syntax), false, false);
            case "GetHashAndReset" or "GetCurrentHash" when method.Parameters.Length == 0 && IsByteArray(method.ReturnType) &&
                type.Name == "IncrementalHash" && Operations.IsInNamespace(type, Cryptography) &&
                IncrementalHashAlgorithm(invocation.Instance, depth) is string incremental:
                return new DigestFacts(HashNames.DigestSize(incremental), incremental, Describe(invocation.Syntax), false, false);
            case "ToArray" when method.Parameters.Length == 0 && invocation.Instance is { } instance && TsmValue(instance.Type) is (string valueHash, int valueSize):
                return new DigestFacts(valueSize, valueHash, Describe(invocation.Syntax), false, false);
            case "FromHexString" when type.SpecialType == SpecialType.None && type.ToDisplayString() == "System.Convert" &&
                invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string hex } &&
                hex.Length % 2 == 0 && hex.All(Uri.IsHexDigit):
                return new DigestFacts(hex.Length / 2, null, "Convert.FromHexString(...)", false, false);
            case "AsSpan" when method.IsExtensionMethod && invocation.Arguments.Length == 1 && depth < MaxDepth:
                return Evaluate(invocation.Arguments[0].Value, depth + 1);
            default:
                return null;
        }
    }

    /// <summary>The algorithm of <c>IncrementalHash.CreateHash(HashAlgorithmName.X)</c> held by a local assigned once.</summary>
    private static string? IncrementalHashAlgorithm(IOperation? instance, int depth)
    {
        if (depth >= MaxDepth || Operations.StripConversions(instance) is not ILocalReferenceOperation local ||
            Operations.StripConversions(LocalValues.SingleValue(local)) is not IInvocationOperation { TargetMethod.Name: "CreateHash" or "CreateHMAC" } create ||
            create.TargetMethod.Name != "CreateHash" || create.Arguments.Length == 0 ||
            Operations.StripConversions(create.Arguments[0].Value) is not IPropertyReferenceOperation { Property.IsStatic: true } name ||
            name.Property.ContainingType.Name != "HashAlgorithmName")
        {
            return null;
        }

        return HashNames.FromHashAlgorithmName(name.Property.Name);
    }

    /// <summary>The hash computed by an instance of a <c>System.Security.Cryptography.SHA256</c>-like class (or a subclass).</summary>
    private static string? HashClassOf(ITypeSymbol? type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (Operations.IsInNamespace(current, Cryptography) && HashNames.FromCryptographyClass(current.Name) is string hash)
            {
                return hash;
            }
        }

        return null;
    }

    /// <summary>The kernel hash and size of a Tsm digest or opaque value type.</summary>
    private static (string Hash, int Size)? TsmValue(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct } named && Operations.IsInNamespace(named, "Tsm") &&
        HashNames.TryFromTsmValueType(named.Name, out string hash, out int size)
            ? (hash, size)
            : null;

    private static bool IsByteArray(ITypeSymbol? type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };

    private static bool IsSpanOfByte(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "ReadOnlySpan" or "Span", TypeArguments: [{ SpecialType: SpecialType.System_Byte }] } named &&
        Operations.IsInNamespace(named, "System");

    private static bool IsByteContainer(ITypeSymbol? type) => IsByteArray(type) || IsSpanOfByte(type);

    /// <summary>Short source text for messages: long expressions are cut.</summary>
    public static string Describe(SyntaxNode syntax)
    {
        string text = string.Join(" ", syntax.ToString().Split(new[] { ' ', '\r', '\n', '\t' }, System.StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }
}
