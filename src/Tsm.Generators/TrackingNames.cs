namespace Tsm.Generators;

/// <summary>Names of the tracked pipeline steps, so tests can assert which steps were cached.</summary>
internal static class TrackingNames
{
    public const string MeasurementEvent = nameof(MeasurementEvent);
    public const string SchemaInput = nameof(SchemaInput);
    public const string SchemaResult = nameof(SchemaResult);
    public const string VendorSpec = nameof(VendorSpec);
    public const string VendorKeys = nameof(VendorKeys);
    public const string Options = nameof(Options);
    public const string Placeholder = nameof(Placeholder);
    public const string VendorOwner = nameof(VendorOwner);
    public const string PlaceholderOwner = nameof(PlaceholderOwner);
    public const string PlatformVendors = nameof(PlatformVendors);
    public const string CatalogVendors = nameof(CatalogVendors);
    public const string UnusableAsTypes = nameof(UnusableAsTypes);
    public const string VendorAsTypes = nameof(VendorAsTypes);
}
