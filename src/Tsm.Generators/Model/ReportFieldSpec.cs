using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// One field of a report layout, as the reader proved it consistent: where it starts (<see cref="Placement"/>), how long
/// it is (<see cref="Length"/>), and the facts only some fields have, each absent (null, or empty) when it does not apply.
/// </summary>
internal sealed record ReportFieldSpec
{
    public required string Name { get; init; }

    public required string PropertyName { get; init; }

    public required FieldType Type { get; init; }

    public required FieldPlacement Placement { get; init; }

    public required FieldLength Length { get; init; }

    /// <summary>Null when the field is in every version and under every condition.</summary>
    public FieldPresence? Presence { get; init; }

    /// <summary>The nested layout of a <see cref="FieldType.Layout"/> field; null for every other type.</summary>
    public NestedLayoutSpec? Nested { get; init; }

    /// <summary>The hash algorithm of a <see cref="FieldType.Digest"/> field; null for every other type.</summary>
    public string? Hash { get; init; }

    /// <summary>The bytes a digest field is the hash of; null when the schema does not say.</summary>
    public HashOfSpec? HashOf { get; init; }

    /// <summary>The register the field reports; null when it reports none.</summary>
    public FieldRegister? Register { get; init; }

    /// <summary>The runtime struct a u32 or u64 field is shown as; null for the plain integer.</summary>
    public string? As { get; init; }

    /// <summary>The named bits of a <see cref="FieldType.Flags"/> field; empty for every other type.</summary>
    public EquatableArray<BitSpec> Bits { get; init; } = EquatableArray<BitSpec>.Empty;

    public string? Description { get; init; }

    /// <summary>The offset or the size is known only once the report is parsed.</summary>
    public bool IsDynamic => Placement.After is not null || Length.From is not null;

    public bool IsConditional => Presence is not null;

    public bool IsInteger => Type.IsInteger();

    /// <summary>The versions the field is in; empty for every version.</summary>
    public EquatableArray<long> Versions => Presence?.Versions ?? EquatableArray<long>.Empty;

    /// <summary>The condition the field exists under; null for none.</summary>
    public ReportConditionSpec? When => Presence?.When;
}
