using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Model;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// Misuse of the generated register API that the compiler cannot see, checked against the vendor schemas:
/// TSM1001 (extending a read-only register, typed or by name), TSM1002 (a digest of the wrong algorithm or size) and
/// TSM1003 (a constant register name that does not exist, or a constant index outside an array).
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class RegisterUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ReadOnlyRegisterWrite,
        DiagnosticDescriptors.WrongDigest,
        DiagnosticDescriptors.UnknownRegister);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            SchemaCatalog catalog = SchemaCatalog.Create(start.Options, start.CancellationToken);
            UsageContext? usage = UsageContext.Create(start.Compilation, catalog);
            if (usage is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeInvocation(c, usage), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeIndexer(c, usage), OperationKind.PropertyReference);
            start.RegisterOperationAction(c => AnalyzeInvalid(c, usage), OperationKind.Invalid);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, UsageContext usage)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Extend":
                AnalyzeExtend(context, invocation, usage);
                return;
            case "Register" when SymbolEqualityComparer.Default.Equals(method.ContainingType, usage.MeasurementDevice):
                AnalyzeName(context, invocation, usage.VendorOf(Operations.StripConversions(invocation.Instance)?.Type));
                return;
            case "Find" when SymbolEqualityComparer.Default.Equals(method.ContainingType, usage.DeviceDefinition) &&
                Operations.StripConversions(invocation.Instance) is IPropertyReferenceOperation { Property.Name: "Definition" } definition:
                // Tdx.Definition (the generated static property) or tdx.Definition (the instance property of the base class).
                AnalyzeName(context, invocation, usage.VendorOf(definition.Property.IsStatic
                    ? definition.Property.ContainingType
                    : Operations.StripConversions(definition.Instance)?.Type));
                return;
        }

        if (RegisterResolver.TryGetGroup(invocation, usage, out VendorModel? vendor, out RegisterGroupSpec? group) &&
            LocalValues.ConstantOf(invocation.Arguments[0].Value) is { HasValue: true, Value: int index } &&
            (index < 0 || index >= group.PropertyNames.Count))
        {
            string owner = group.Bank is null ? vendor.DisplayName : "the " + group.Bank + " bank of " + vendor.DisplayName;
            string message = $"{method.Name}({VendorModel.Invariant(index)}) is out of range: {owner} has {group.ArrayName}0 to {group.ArrayName}{VendorModel.Invariant(group.PropertyNames.Count - 1)}, so the index must be 0 to {VendorModel.Invariant(group.PropertyNames.Count - 1)}";
            Report(context, DiagnosticDescriptors.UnknownRegister, Operations.ArgumentSyntax(invocation.Arguments[0]).GetLocation(), null, message);
        }
    }

    /// <summary>TSM1003 for <c>device.Registers[i]</c> with a constant <c>i</c> outside the list.</summary>
    private static void AnalyzeIndexer(OperationAnalysisContext context, UsageContext usage)
    {
        var indexer = (IPropertyReferenceOperation)context.Operation;
        if (!indexer.Property.IsIndexer || indexer.Arguments.Length != 1 ||
            LocalValues.ConstantOf(indexer.Arguments[0].Value) is not { HasValue: true, Value: int index } ||
            !RegisterResolver.TryGetRegistersList(indexer, usage, out VendorModel? vendor))
        {
            return;
        }

        int count = vendor.Spec.Registers.Count;
        if (index < 0 || index >= count)
        {
            string message = $"Registers[{VendorModel.Invariant(index)}] is out of range: {vendor.DisplayName} has {VendorModel.Invariant(count)} registers, so the index must be 0 to {VendorModel.Invariant(count - 1)}";
            Report(context, DiagnosticDescriptors.UnknownRegister, Operations.ArgumentSyntax(indexer.Arguments[0]).GetLocation(), null, message);
        }
    }

    /// <summary>TSM1003 for a constant name that <c>Register</c>/<c>Definition.Find</c> would reject at run time.</summary>
    private static void AnalyzeName(OperationAnalysisContext context, IInvocationOperation invocation, VendorModel? vendor)
    {
        if (vendor is null || invocation.Arguments.Length != 1 ||
            LocalValues.ConstantOf(invocation.Arguments[0].Value) is not { HasValue: true, Value: string name })
        {
            return;
        }

        if (vendor.Find(name, out IReadOnlyList<RegisterSpec>? variants) is not null)
        {
            return;
        }

        NameSuggestions.Result result = NameSuggestions.For(vendor, name, variants);
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Suggestions, string.Join(DiagnosticProperties.Separator.ToString(), result.Suggestions));
        Report(context, DiagnosticDescriptors.UnknownRegister, Operations.ArgumentSyntax(invocation.Arguments[0]).GetLocation(), properties, result.Message);
    }

    private static void AnalyzeExtend(OperationAnalysisContext context, IInvocationOperation invocation, UsageContext usage)
    {
        INamedTypeSymbol type = invocation.TargetMethod.ContainingType;
        bool typed = usage.IsRegisterType(type, usage.ExtendableRegister);
        bool known = typed || usage.IsRegisterType(type, usage.AgileExtendableRegister) || usage.IsRegisterType(type, usage.MeasurementRegisterInterface);
        if (!known || RegisterResolver.Resolve(invocation.Instance, usage) is not ResolvedRegister resolved)
        {
            return;
        }

        RegisterSpec register = resolved.Register;
        if (!register.IsExtendable)
        {
            if (!GuardedByIsExtendable(invocation))
            {
                ReportReadOnly(context, resolved, invocation.Syntax.GetLocation(), how: null);
            }

            return;
        }

        if (invocation.Arguments.Length == 1 && usage.IsReadOnlyByteSpan(invocation.TargetMethod.Parameters[0].Type))
        {
            CheckDigest(context, resolved, invocation.Arguments[0], typed && register.HashChoices.Count == 0);
        }
    }

    /// <summary>
    /// <c>if (r.IsExtendable) r.Extend(d);</c> never extends a read-only register: the code already asks, so it is not
    /// reported (only the condition's mention of <c>IsExtendable</c> is checked, which is enough to stay quiet).
    /// </summary>
    private static bool GuardedByIsExtendable(IOperation operation)
    {
        for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            IOperation? condition = parent switch
            {
                IConditionalOperation conditional when child != conditional.Condition => conditional.Condition,
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when child == conjunction.RightOperand => conjunction.LeftOperand,
                _ => null,
            };
            if (condition is not null && condition.DescendantsAndSelf().OfType<IPropertyReferenceOperation>().Any(static p => p.Property.Name == "IsExtendable"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>tdx.MrTd.Extend(d)</c> does not bind (CS1061: read-only registers have no <c>Extend</c>). TSM1001 goes on the
    /// same span and says why the register is read-only, which the compiler cannot.
    /// </summary>
    private static void AnalyzeInvalid(OperationAnalysisContext context, UsageContext usage)
    {
        if (context.Operation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Extend" } access } ||
            context.Operation.SemanticModel is not SemanticModel model)
        {
            return;
        }

        IOperation? receiver = model.GetOperation(access.Expression, context.CancellationToken);
        ITypeSymbol? type = receiver?.Type;
        if (!usage.IsRegisterType(type, usage.ReadOnlyRegister) && !usage.IsRegisterType(type, usage.AgileReadOnlyRegister))
        {
            return;
        }

        if (RegisterResolver.Resolve(receiver, usage) is ResolvedRegister resolved && !resolved.Register.IsExtendable)
        {
            ReportReadOnly(context, resolved, access.Name.GetLocation(), how: null);
        }
    }

    internal static void ReportReadOnly(OperationAnalysisContext context, ResolvedRegister resolved, Location location, string? how)
    {
        string summary = resolved.Vendor.ExtendableSummary();
        Report(
            context,
            DiagnosticDescriptors.ReadOnlyRegisterWrite,
            location,
            null,
            resolved.Vendor.UserFacingName(resolved.Register),
            resolved.Vendor.DisplayName,
            VendorModel.Why(resolved.Register),
            how is null ? summary : summary + " (" + how + ")");
    }

    /// <summary>TSM1002 when the argument's size or algorithm is known and cannot be what the register takes.</summary>
    internal static void CheckDigest(OperationAnalysisContext context, ResolvedRegister resolved, IArgumentOperation argument, bool typedRegister)
    {
        DigestFacts? facts = DigestEvaluator.Evaluate(argument.Value);
        RegisterSpec register = resolved.Register;
        if (facts is null || !facts.Mismatches(register))
        {
            return;
        }

        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
        if (register.HashChoices.Count == 0 && register.Hash.Length > 0 && register.Hash != Schema.HashAlgorithms.None)
        {
            properties = properties.Add(DiagnosticProperties.RegisterHash, register.Hash);
            if (facts.IsHashDataCall)
            {
                properties = properties.Add(DiagnosticProperties.HashDataCall, "true");
                if (HashNames.CryptographyClass(register.Hash) is string hashClass)
                {
                    properties = properties.Add(DiagnosticProperties.HashClass, hashClass);
                }

                if (typedRegister && facts.HashDataTakesBytes && Schema.HashAlgorithms.DigestType(register.Hash) is string digestType)
                {
                    properties = properties.Add(DiagnosticProperties.DigestType, digestType);
                }
            }
        }

        Report(
            context,
            DiagnosticDescriptors.WrongDigest,
            Operations.ArgumentSyntax(argument).GetLocation(),
            properties,
            resolved.Vendor.UserFacingName(register),
            resolved.Vendor.DisplayName,
            VendorModel.DescribeInput(register),
            facts.Source,
            facts.What);
    }

    private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, arguments));
}
