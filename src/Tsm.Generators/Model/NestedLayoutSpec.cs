namespace Tsm.Generators.Model;

/// <summary>
/// The layout a <c>layout</c> field views in place, and the version it is given: the constant <see cref="Version"/>,
/// the value of the earlier field <see cref="VersionFrom"/>, or neither (the nested layout is not versioned by its parent).
/// </summary>
internal sealed record NestedLayoutSpec(string Layout, long? Version, string? VersionFrom);
