namespace Tsm.Package.Tests;

/// <summary>Every test class shares one packing of the packages: packing takes minutes, and the packages do not change during a run.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>
{
    public const string Name = "Packed packages";
}
