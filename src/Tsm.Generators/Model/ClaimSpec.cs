namespace Tsm.Generators.Model;

/// <summary>
/// One claim of a claim set: the value under integer map key <see cref="Key"/>, of CBOR type <see cref="Type"/>.
/// <see cref="Size"/> is the exact byte-string length (null: any); <see cref="ClaimSet"/> names the item type of a
/// <see cref="ClaimType.ClaimSetArray"/>; <see cref="Register"/> links a byte-string claim to the register it reports.
/// </summary>
internal sealed record ClaimSpec
{
    public required string Name { get; init; }

    public required string PropertyName { get; init; }

    public required long Key { get; init; }

    public required ClaimType Type { get; init; }

    /// <summary>The claim set of the items of a <see cref="ClaimType.ClaimSetArray"/>; null for every other type.</summary>
    public string? ClaimSet { get; init; }

    /// <summary>The exact length of a byte string (<c>size</c>); null for any length, or when <see cref="Register"/> fixes it.</summary>
    public int? Size { get; init; }

    public bool Optional { get; init; }

    public ClaimRegister? Register { get; init; }

    public string? Description { get; init; }
}
