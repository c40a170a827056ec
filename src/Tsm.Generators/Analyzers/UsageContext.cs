using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Analyzers;

/// <summary>
/// Per-compilation state shared by the usage analyzers: the schema catalog and the runtime types, looked up once.
/// Generated vendor classes are recognised by shape, not namespace (the namespace is configurable): a class named
/// after a schema's vendor in PascalCase that derives from <c>Tsm.MeasurementDevice</c> and has the generated static
/// <c>Definition</c> property of type <c>Tsm.DeviceDefinition</c>. Bank classes are the nested types named in the schema's banks.
/// </summary>
internal sealed class UsageContext
{
    private readonly ConcurrentDictionary<ITypeSymbol, VendorModel?> _vendors = new(SymbolEqualityComparer.Default);

    private UsageContext(Compilation compilation, SchemaCatalog catalog, INamedTypeSymbol measurementDevice)
    {
        Catalog = catalog;
        MeasurementDevice = measurementDevice;
        DeviceDefinition = compilation.GetTypeByMetadataName("Tsm.DeviceDefinition");
        MeasurementRegisterInterface = compilation.GetTypeByMetadataName("Tsm.IMeasurementRegister");
        ExtendableRegister = compilation.GetTypeByMetadataName("Tsm.ExtendableRegister`1");
        ReadOnlyRegister = compilation.GetTypeByMetadataName("Tsm.ReadOnlyRegister`1");
        AgileExtendableRegister = compilation.GetTypeByMetadataName("Tsm.AgileExtendableRegister");
        AgileReadOnlyRegister = compilation.GetTypeByMetadataName("Tsm.AgileReadOnlyRegister");
        ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
        Span = compilation.GetTypeByMetadataName("System.Span`1");
        Memory = compilation.GetTypeByMetadataName("System.Memory`1");
    }

    public SchemaCatalog Catalog { get; }

    public INamedTypeSymbol MeasurementDevice { get; }

    public INamedTypeSymbol? DeviceDefinition { get; }

    public INamedTypeSymbol? MeasurementRegisterInterface { get; }

    public INamedTypeSymbol? ExtendableRegister { get; }

    public INamedTypeSymbol? ReadOnlyRegister { get; }

    public INamedTypeSymbol? AgileExtendableRegister { get; }

    public INamedTypeSymbol? AgileReadOnlyRegister { get; }

    public INamedTypeSymbol? ReadOnlySpan { get; }

    public INamedTypeSymbol? Span { get; }

    public INamedTypeSymbol? Memory { get; }

    /// <summary>Null when the compilation has no schema or does not reference Tsm.Runtime: then there is nothing to check.</summary>
    public static UsageContext? Create(Compilation compilation, SchemaCatalog catalog)
    {
        INamedTypeSymbol? device = compilation.GetTypeByMetadataName("Tsm.MeasurementDevice");
        return device is null || catalog.IsEmpty ? null : new UsageContext(compilation, catalog, device);
    }

    /// <summary>The vendor whose generated class <paramref name="type"/> is, or null.</summary>
    public VendorModel? VendorOf(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class)
        {
            return null;
        }

        return _vendors.GetOrAdd(named, t => Classify((INamedTypeSymbol)t));
    }

    /// <summary>The vendor and bank when <paramref name="type"/> is a generated bank class (<c>Tpm.Sha256Bank</c>), else null.</summary>
    public (VendorModel Vendor, string Bank)? BankOf(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { ContainingType: { } container } named)
        {
            return null;
        }

        VendorModel? vendor = VendorOf(container);
        Model.BankSpec? bank = vendor?.FindBankByClassName(named.Name);
        return bank is null ? null : (vendor!, bank.Hash);
    }

    public bool IsRegisterType(ITypeSymbol? type, INamedTypeSymbol? candidate) =>
        type is INamedTypeSymbol named && candidate is not null && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, candidate);

    /// <summary><c>ReadOnlySpan&lt;byte&gt;</c>.</summary>
    public bool IsReadOnlyByteSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && IsRegisterType(named, ReadOnlySpan) &&
        named.TypeArguments[0].SpecialType == SpecialType.System_Byte;

    private VendorModel? Classify(INamedTypeSymbol type)
    {
        VendorModel? vendor = Catalog.FindByClassName(type.Name);
        if (vendor is null || type.ContainingType is not null || !DerivesFrom(type, MeasurementDevice))
        {
            return null;
        }

        foreach (ISymbol member in type.GetMembers("Definition"))
        {
            if (member is IPropertySymbol { IsStatic: true } property &&
                SymbolEqualityComparer.Default.Equals(property.Type, DeviceDefinition))
            {
                return vendor;
            }
        }

        return null;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
