using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Tsm.Generators.Model;

namespace Tsm.Generators.Analyzers;

/// <summary>A register known at compile time: which vendor, which register.</summary>
internal sealed record ResolvedRegister(VendorModel Vendor, RegisterSpec Register);

/// <summary>
/// Finds which register an expression denotes when that is certain at compile time: a generated property
/// (<c>tdx.Rtmr3</c>, <c>tpm.Sha256.Pcr7</c>), an index method with a constant (<c>tdx.Rtmr(3)</c>), a constant name
/// (<c>tdx.Register("rtmr3")</c>), a constant position in <c>Registers</c>, through casts and through locals that are
/// assigned once. The receiver's static type must be a generated vendor (or bank) class; anything else is unknown.
/// </summary>
internal static class RegisterResolver
{
    private const int MaxDepth = 4;

    public static ResolvedRegister? Resolve(IOperation? operation, UsageContext context) => Resolve(operation, context, 0);

    private static ResolvedRegister? Resolve(IOperation? operation, UsageContext context, int depth)
    {
        operation = Operations.StripConversions(operation);
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                return FromProperty(property, context);
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                return FromRegistersIndexer(indexer, context);
            case IInvocationOperation invocation:
                return FromInvocation(invocation, context);
            case ILocalReferenceOperation local when depth < MaxDepth:
                return Resolve(LocalValues.SingleValue(local), context, depth + 1);
            default:
                return null;
        }
    }

    private static ResolvedRegister? FromProperty(IPropertyReferenceOperation property, UsageContext context)
    {
        ITypeSymbol container = property.Property.ContainingType;
        if (context.VendorOf(container) is VendorModel vendor)
        {
            RegisterSpec? register = vendor.FindByProperty(null, property.Property.Name);
            return register is null ? null : new ResolvedRegister(vendor, register);
        }

        if (context.BankOf(container) is (VendorModel bankVendor, string bank))
        {
            RegisterSpec? register = bankVendor.FindByProperty(bank, property.Property.Name);
            return register is null ? null : new ResolvedRegister(bankVendor, register);
        }

        return null;
    }

    /// <summary><c>device.Registers[i]</c>: schema order is the order of <c>Definition.Registers</c> and of <c>Registers</c>.</summary>
    private static ResolvedRegister? FromRegistersIndexer(IPropertyReferenceOperation indexer, UsageContext context)
    {
        if (!TryGetRegistersList(indexer, context, out VendorModel? vendor) ||
            indexer.Arguments.Length != 1 ||
            LocalValues.ConstantOf(indexer.Arguments[0].Value) is not { HasValue: true, Value: int index } ||
            index < 0 || index >= vendor!.Spec.Registers.Count)
        {
            return null;
        }

        return new ResolvedRegister(vendor, vendor.Spec.Registers[index]);
    }

    /// <summary>Whether <paramref name="indexer"/> indexes <c>device.Registers</c> of a generated vendor class.</summary>
    public static bool TryGetRegistersList(IPropertyReferenceOperation indexer, UsageContext context, [NotNullWhen(true)] out VendorModel? vendor)
    {
        vendor = null;
        if (Operations.StripConversions(indexer.Instance) is not IPropertyReferenceOperation { Property.Name: "Registers" } list ||
            !SymbolEqualityComparer.Default.Equals(list.Property.ContainingType, context.MeasurementDevice))
        {
            return false;
        }

        vendor = context.VendorOf(Operations.StripConversions(list.Instance)?.Type);
        return vendor is not null;
    }

    private static ResolvedRegister? FromInvocation(IInvocationOperation invocation, UsageContext context)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name == "Register" && SymbolEqualityComparer.Default.Equals(method.ContainingType, context.MeasurementDevice))
        {
            VendorModel? vendor = context.VendorOf(Operations.StripConversions(invocation.Instance)?.Type);
            if (vendor is not null && invocation.Arguments.Length == 1 &&
                LocalValues.ConstantOf(invocation.Arguments[0].Value) is { HasValue: true, Value: string name })
            {
                RegisterSpec? register = vendor.Find(name, out _);
                return register is null ? null : new ResolvedRegister(vendor, register);
            }

            return null;
        }

        if (TryGetGroup(invocation, context, out VendorModel? groupVendor, out RegisterGroupSpec? group) &&
            LocalValues.ConstantOf(invocation.Arguments[0].Value) is { HasValue: true, Value: int index } &&
            index >= 0 && index < group!.PropertyNames.Count)
        {
            RegisterSpec? register = groupVendor!.FindByProperty(group.Bank, group.PropertyNames[index]);
            return register is null ? null : new ResolvedRegister(groupVendor, register);
        }

        return null;
    }

    /// <summary>Whether <paramref name="invocation"/> calls a generated index method (<c>Rtmr(int)</c>, <c>Sha256.Pcr(int)</c>).</summary>
    public static bool TryGetGroup(IInvocationOperation invocation, UsageContext context, [NotNullWhen(true)] out VendorModel? vendor, [NotNullWhen(true)] out RegisterGroupSpec? group)
    {
        vendor = null;
        group = null;
        IMethodSymbol method = invocation.TargetMethod;
        if (method.IsStatic || method.Parameters.Length != 1 || method.Parameters[0].Type.SpecialType != SpecialType.System_Int32)
        {
            return false;
        }

        string? bank = null;
        vendor = context.VendorOf(method.ContainingType);
        if (vendor is null && context.BankOf(method.ContainingType) is (VendorModel bankVendor, string bankHash))
        {
            vendor = bankVendor;
            bank = bankHash;
        }

        group = vendor?.FindGroup(bank, method.Name);
        return vendor is not null && group is not null;
    }
}
