using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>A vendor as the generated catalog lists it: its id, its class, its outermost report layouts and its claim sets' types.</summary>
internal sealed record CatalogVendor(string Vendor, string ClassName, EquatableArray<CatalogLayout> Layouts, EquatableArray<string> ClaimSets);
