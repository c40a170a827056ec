using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// A report layout as the generated catalog lists it: only layouts no other layout nests (their parser takes the
/// bytes alone), with the signature that recognises them and the property of their version field
/// (<see cref="VersionProperty"/>, null when the layout has none it reads itself). Descriptions and field details are
/// left out so that editing them leaves the catalog cached.
/// </summary>
internal sealed record CatalogLayout(string Name, string TypeName, bool IsFixed, string? VersionProperty, EquatableArray<CatalogCheck> Signature);
