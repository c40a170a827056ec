using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>One field of a report layout; <see cref="Versions"/> empty means "present in every version".</summary>
internal sealed record ReportFieldSpec(
    string Name,
    string PropertyName,
    int Offset,
    int Size,
    string Type,
    string? Hash,
    string? Register,
    string? Description,
    EquatableArray<long> Versions,
    EquatableArray<BitSpec> Bits);
