using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tsm.Generators.Diagnostics;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// TSM1004: the generated report parsers (<c>TdReport.Parse(buffer)</c>) return <c>ref struct</c> views that read the
/// buffer on every access. Reading a view after the buffer it was parsed from has been overwritten in the same method
/// silently returns the new bytes. The compiler already stops a view from outliving its buffer (ref-safety rules); this
/// catches the aliasing it cannot see.
/// </summary>
/// <remarks>
/// Reported only when it is certain, inside one block: the parse, then a statement that always writes the buffer
/// (element assignment, a known BCL writer such as <c>Stream.Read</c>, <c>Array.Clear</c>, a <c>Span&lt;byte&gt;</c>
/// destination), then a read of the view, with the view and the buffer variable never reassigned and no labels. A
/// write through another alias, a field, a callee or another thread is not tracked.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReportViewAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ReportViewBufferOverwritten);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockAction(static c =>
        {
            foreach (IOperation block in c.OperationBlocks)
            {
                Analyze(c, block);
            }
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, IOperation root)
    {
        List<(IInvocationOperation Parse, ISymbol Buffer, ILocalSymbol View)>? parses = null;
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation && ParseOf(invocation) is (ISymbol buffer, ILocalSymbol view))
            {
                (parses ??= new()).Add((invocation, buffer, view));
            }
        }

        if (parses is null || root.Descendants().Any(static o => o is ILabeledOperation))
        {
            return;
        }

        var reported = new HashSet<SyntaxNode>();
        foreach ((IInvocationOperation parse, ISymbol buffer, ILocalSymbol view) in parses)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            AnalyzeParse(context, root, parse, buffer, view, reported);
        }
    }

    private static void AnalyzeParse(OperationBlockAnalysisContext context, IOperation root, IInvocationOperation parse, ISymbol buffer, ILocalSymbol view, HashSet<SyntaxNode> reported)
    {
        int parseEnd = parse.Syntax.Span.End;
        int viewSize = MinimumSize(parse.TargetMethod.ContainingType);
        HashSet<ILocalSymbol> views = ViewsOf(root, view);
        if (!views.All(v => AssignedOnce(root, v)) || BufferReassignedAfter(root, buffer, parse.Syntax.SpanStart))
        {
            return;
        }

        (IBlockOperation block, int index)? anchor = StatementOf(parse);
        if (anchor is null)
        {
            return;
        }

        var blocks = new List<IBlockOperation> { anchor.Value.block };
        blocks.AddRange(anchor.Value.block.Descendants()
            .OfType<IBlockOperation>()
            .Where(b => b.Syntax.SpanStart >= parseEnd && !InsideFunction(b, anchor.Value.block)));

        foreach (IBlockOperation block in blocks)
        {
            IOperation? write = null;
            var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (IOperation statement in block.Operations)
            {
                if (statement.Syntax.SpanStart < parseEnd)
                {
                    continue;
                }

                if (write is null)
                {
                    if (WritesBuffer(statement, buffer, viewSize))
                    {
                        write = statement;
                    }

                    continue;
                }

                // The first read of each view after the write.
                foreach (ILocalReferenceOperation use in statement.DescendantsAndSelf()
                    .OfType<ILocalReferenceOperation>()
                    .Where(r => !r.IsDeclaration && views.Contains(r.Local) && !InsideNameOf(r) && seen.Add(r.Local)))
                {
                    if (reported.Add(use.Syntax))
                    {
                        int line = write.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        context.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.ReportViewBufferOverwritten,
                            use.Syntax.GetLocation(),
                            new[] { parse.Syntax.GetLocation(), write.Syntax.GetLocation() },
                            use.Local.Name,
                            buffer.Name,
                            "'" + DigestEvaluator.Describe(write.Syntax).TrimEnd(';') + "' on line " + line.ToString(CultureInfo.InvariantCulture)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// A call of a generated report's static <c>Parse</c>/<c>TryParse</c> on a local or parameter buffer (<c>byte[]</c> or
    /// <c>Span&lt;byte&gt;</c>, possibly through <c>AsSpan</c>), whose result is kept in a local: the buffer and that local.
    /// </summary>
    private static (ISymbol Buffer, ILocalSymbol View)? ParseOf(IInvocationOperation invocation)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (!method.IsStatic || method.Name is not ("Parse" or "TryParse") || invocation.Arguments.Length == 0 ||
            !method.ContainingType.IsRefLikeType || !IsGeneratedByTsm(method.ContainingType) ||
            WholeBufferOf(invocation.Arguments[0].Value) is not ISymbol buffer)
        {
            return null;
        }

        if (method.Name == "Parse")
        {
            return invocation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                ? (buffer, declarator.Symbol)
                : null;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out &&
                SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, method.ContainingType))
            {
                IOperation value = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
                return value is ILocalReferenceOperation local ? (buffer, local.Local) : null;
            }
        }

        return null;
    }

    private static bool IsGeneratedByTsm(INamedTypeSymbol type) => type.GetAttributes().Any(static a =>
        a.AttributeClass?.Name == "GeneratedCodeAttribute" &&
        a.ConstructorArguments.Length > 0 &&
        a.ConstructorArguments[0].Value is "Tsm.Generators");

    /// <summary>
    /// The local or parameter (<c>byte[]</c>, <c>Span&lt;byte&gt;</c>, <c>Memory&lt;byte&gt;</c>) whose bytes from offset 0
    /// on the expression denotes: <c>buf</c>, <c>buf.AsSpan()</c>, <c>buf.AsSpan(0, n)</c>, <c>new Span&lt;byte&gt;(buf)</c>,
    /// <c>span.Slice(0, n)</c>. A slice at another or unknown offset may not overlap, so it is not followed.
    /// </summary>
    private static ISymbol? WholeBufferOf(IOperation? operation)
    {
        operation = Operations.StripConversions(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local when IsWritableBytes(local.Local.Type) && !local.Local.IsRef:
                return local.Local;
            case IParameterReferenceOperation parameter when IsWritableBytes(parameter.Parameter.Type) && parameter.Parameter.RefKind == RefKind.None:
                return parameter.Parameter;
            case IInvocationOperation { TargetMethod: { Name: "AsSpan" or "AsMemory", IsExtensionMethod: true } } asSpan when asSpan.Arguments.Length > 0 && StartsAtZero(asSpan.Arguments, 1):
                return WholeBufferOf(asSpan.Arguments[0].Value);
            case IInvocationOperation { TargetMethod.Name: "Slice", Instance: { } instance } slice when StartsAtZero(slice.Arguments, 0):
                return WholeBufferOf(instance);
            case IObjectCreationOperation { Type.Name: "Span" or "Memory" } creation when creation.Arguments.Length > 0 && StartsAtZero(creation.Arguments, 1):
                return WholeBufferOf(creation.Arguments[0].Value);
            default:
                return null;
        }
    }

    /// <summary>Whether the argument at <paramref name="startIndex"/>, if any, is the integer constant 0.</summary>
    private static bool StartsAtZero(ImmutableArray<IArgumentOperation> arguments, int startIndex) =>
        arguments.Length <= startIndex || IsZero(arguments[startIndex].Value);

    private static bool IsZero(IOperation value) =>
        Operations.StripConversions(value)?.ConstantValue is { HasValue: true, Value: int or long } constant &&
        System.Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture) == 0;

    /// <summary>The view's fixed size (the generated <c>MinimumSize</c> constant): constant-index writes below it overlap the view.</summary>
    private static int MinimumSize(INamedTypeSymbol view)
    {
        foreach (ISymbol member in view.GetMembers("MinimumSize"))
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: int size })
            {
                return size;
            }
        }

        return 0;
    }

    private static bool IsWritableBytes(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte } ||
        type is INamedTypeSymbol { Name: "Span" or "Memory", IsGenericType: true, TypeArguments: [{ SpecialType: SpecialType.System_Byte }] } named &&
        Operations.IsInNamespace(named, "System");

    /// <summary>
    /// The view plus every local that still points into the buffer: ref-like locals initialised from it
    /// (<c>var body = quote.Body;</c>, <c>ReadOnlySpan&lt;byte&gt; data = r.ReportData;</c>) and ref locals
    /// (<c>ref readonly Sha384Digest m = ref r.Rtmr0;</c>). A copy (<c>Sha384Digest m = r.Rtmr0;</c>) is not a view.
    /// </summary>
    private static HashSet<ILocalSymbol> ViewsOf(IOperation root, ILocalSymbol view)
    {
        var views = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default) { view };
        bool added = true;
        while (added)
        {
            added = false;
            foreach (IVariableDeclaratorOperation declarator in root.Descendants().OfType<IVariableDeclaratorOperation>())
            {
                if (!views.Contains(declarator.Symbol) && (declarator.Symbol.Type.IsRefLikeType || declarator.Symbol.IsRef) &&
                    DerivesFromView(declarator.GetVariableInitializer()?.Value, views))
                {
                    views.Add(declarator.Symbol);
                    added = true;
                }
            }
        }

        return views;
    }

    private static bool DerivesFromView(IOperation? operation, HashSet<ILocalSymbol> views)
    {
        for (IOperation? current = Operations.StripConversions(operation); current is not null;)
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    return views.Contains(local.Local);
                case IPropertyReferenceOperation { Instance: { } instance } when instance.Type?.IsRefLikeType == true:
                    current = Operations.StripConversions(instance);
                    break;
                case IInvocationOperation { Instance: { } receiver } when receiver.Type?.IsRefLikeType == true:
                    current = Operations.StripConversions(receiver);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A Parse view has one declarator with an initializer; a TryParse view one <c>out</c> declaration. Nothing else may write it.</summary>
    private static bool AssignedOnce(IOperation root, ILocalSymbol local)
    {
        int writes = 0;
        foreach (IOperation operation in root.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) &&
                declarator.GetVariableInitializer() is not null)
            {
                writes++;
            }
            else if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                LocalValues.IsWrite(reference))
            {
                writes++;
            }
        }

        return writes == 1;
    }

    private static bool BufferReassignedAfter(IOperation root, ISymbol buffer, int position) => root.Descendants().Any(o =>
        o.Syntax.SpanStart >= position &&
        (o is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, buffer) ||
         o is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, buffer)) &&
        LocalValues.IsWrite(o));

    /// <summary>The block and statement index that contain <paramref name="operation"/>.</summary>
    private static (IBlockOperation, int)? StatementOf(IOperation operation)
    {
        for (IOperation current = operation; current.Parent is not null; current = current.Parent)
        {
            if (current.Parent is IBlockOperation block)
            {
                return (block, block.Operations.IndexOf(current));
            }

            if (current.Parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return null;
    }

    private static bool InsideFunction(IOperation operation, IOperation stop)
    {
        for (IOperation? current = operation.Parent; current is not null && current != stop; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideNameOf(IOperation operation)
    {
        for (IOperation? current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether executing <paramref name="statement"/> always writes bytes of the buffer.</summary>
    private static bool WritesBuffer(IOperation statement, ISymbol buffer, int viewSize)
    {
        switch (statement)
        {
            case IExpressionStatementOperation expression:
                return AlwaysWrites(expression.Operation, buffer, viewSize);
            case IVariableDeclarationGroupOperation group:
                return group.Declarations.SelectMany(static d => d.Declarators)
                    .Any(d => d.GetVariableInitializer()?.Value is IOperation value && AlwaysWrites(value, buffer, viewSize));
            case IUsingDeclarationOperation usingDeclaration:
                return WritesBuffer(usingDeclaration.DeclarationGroup, buffer, viewSize);
            default:
                return false;
        }
    }

    /// <summary>Follows only what is always evaluated: no conditional operators, no lambdas, no <c>?.</c>.</summary>
    private static bool AlwaysWrites(IOperation operation, ISymbol buffer, int viewSize)
    {
        switch (operation)
        {
            case IAwaitOperation await:
                return AlwaysWrites(await.Operation, buffer, viewSize);
            case IConversionOperation conversion:
                return AlwaysWrites(conversion.Operand, buffer, viewSize);
            case IAssignmentOperation assignment:
                return IsElementOf(assignment.Target, buffer, viewSize) || AlwaysWrites(assignment.Value, buffer, viewSize);
            case IIncrementOrDecrementOperation increment:
                return IsElementOf(increment.Target, buffer, viewSize);
            case IInvocationOperation invocation:
                return InvocationWrites(invocation, buffer) ||
                    (invocation.Instance is not null && AlwaysWrites(invocation.Instance, buffer, viewSize)) ||
                    invocation.Arguments.Any(a => AlwaysWrites(a.Value, buffer, viewSize));
            case IObjectCreationOperation creation:
                return creation.Arguments.Any(a => AlwaysWrites(a.Value, buffer, viewSize));
            default:
                return false;
        }
    }

    /// <summary><c>buf[i] = x</c> with a constant <c>i</c> inside the view's fixed part.</summary>
    private static bool IsElementOf(IOperation target, ISymbol buffer, int viewSize)
    {
        (IOperation? instance, ImmutableArray<IOperation> indexes) = target switch
        {
            IArrayElementReferenceOperation element => (element.ArrayReference, element.Indices),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } span } indexer => (span, indexer.Arguments.Select(static a => a.Value).ToImmutableArray()),
            _ => (null, ImmutableArray<IOperation>.Empty),
        };

        return instance is not null && indexes.Length == 1 &&
            Operations.StripConversions(indexes[0])?.ConstantValue is { HasValue: true, Value: int index } &&
            index >= 0 && index < viewSize &&
            SymbolEqualityComparer.Default.Equals(WholeBufferOf(instance), buffer);
    }

    private static bool InvocationWrites(IInvocationOperation invocation, ISymbol buffer)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (invocation.Instance is not null && method.Name is "Fill" or "Clear" && method.Parameters.Length <= 1 &&
            SymbolEqualityComparer.Default.Equals(WholeBufferOf(invocation.Instance), buffer))
        {
            return true;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is IParameterSymbol parameter && parameter.RefKind == RefKind.None &&
                SymbolEqualityComparer.Default.Equals(WholeBufferOf(argument.Value), buffer) &&
                IsDestination(method, parameter) &&
                DestinationOffsetIsZero(invocation.Arguments))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The writers' destination-offset parameters (<c>Stream.Read(buffer, offset, count)</c>, <c>Array.Copy(..., destinationIndex, ...)</c>) must be 0 when given.</summary>
    private static bool DestinationOffsetIsZero(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.Name is "offset" or "index" or "destinationIndex" or "dstOffset" or "byteIndex" or "startIndex" &&
                argument.ArgumentKind != ArgumentKind.DefaultValue && !IsZero(argument.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the callee writes into the bytes passed as <paramref name="parameter"/>.</summary>
    private static bool IsDestination(IMethodSymbol method, IParameterSymbol parameter)
    {
        INamedTypeSymbol type = method.ContainingType;
        bool writableSpan = parameter.Type is INamedTypeSymbol { Name: "Span" or "Memory", IsGenericType: true } span && Operations.IsInNamespace(span, "System");
        if (writableSpan)
        {
            // MemoryExtensions has read-only helpers over Span<T> (SequenceEqual, IndexOf, ...): only its writers count.
            return type.Name != "MemoryExtensions" || parameter.Name == "destination" ||
                (parameter.Ordinal == 0 && method.Name is "Reverse" or "Sort" or "Replace");
        }

        if (parameter.Type is not IArrayTypeSymbol && parameter.Type.Name != "Array")
        {
            return false;
        }

        return (TypeChain(type), method.Name, parameter.Name) switch
        {
            ("System.Array", "Clear" or "Fill" or "Reverse", "array") => true,
            ("System.Array", "Sort", "array" or "keys" or "items") => true,
            ("System.Array", "Copy" or "ConstrainedCopy", "destinationArray") => true,
            ("System.Array", "CopyTo", "array") => true,
            ("System.Buffer", "BlockCopy", "dst") => true,
            ("System.IO.Stream" or "System.IO.BinaryReader" or "System.Net.Sockets.Socket", _, "buffer") =>
                method.Name.StartsWith("Read", System.StringComparison.Ordinal) || method.Name.StartsWith("Receive", System.StringComparison.Ordinal),
            ("System.Random", "NextBytes", "buffer") => true,
            ("System.Security.Cryptography.RandomNumberGenerator", "GetBytes" or "GetNonZeroBytes", "data") => true,
            ("System.Text.Encoding", "GetBytes", "bytes") => true,
            _ => false,
        };
    }

    /// <summary>The first of the BCL types <see cref="IsDestination"/> knows that <paramref name="type"/> is or derives from.</summary>
    private static string TypeChain(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            string name = current.ToDisplayString();
            if (name is "System.Array" or "System.Buffer" or "System.IO.Stream" or "System.IO.BinaryReader" or "System.Net.Sockets.Socket" or
                "System.Random" or "System.Security.Cryptography.RandomNumberGenerator" or "System.Text.Encoding")
            {
                return name;
            }
        }

        return string.Empty;
    }
}
