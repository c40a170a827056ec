using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// One field of a report layout. Its offset is <see cref="Offset"/> or the end of <see cref="After"/>; its size is
/// <see cref="Size"/> or the value of <see cref="SizeFrom"/>. It exists only in <see cref="Versions"/> (empty: all)
/// and when <see cref="When"/> holds. <see cref="Register"/> links it to the register it reports.
/// </summary>
internal sealed record ReportFieldSpec(
    string Name,
    string PropertyName,
    int Offset,
    string? After,
    int Size,
    string? SizeFrom,
    string Type,
    string? Hash,
    string? Register,
    string? RegisterValueType,
    string? Description,
    EquatableArray<long> Versions,
    ReportConditionSpec? When,
    string? Layout,
    long LayoutVersion,
    string? LayoutVersionFrom,
    string? As,
    int HashOfOffset,
    int HashOfSize,
    EquatableArray<BitSpec> Bits)
{
    public bool IsDynamic => After is not null || SizeFrom is not null;

    public bool IsConditional => Versions.Count > 0 || When is not null;

    public bool IsInteger => Type is "u8" or "u16" or "u32" or "u64" or "flags";
}
