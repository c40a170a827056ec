using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// When a report field exists: only in <see cref="Versions"/> (empty: every version) and only when <see cref="When"/>
/// holds (null: always). A field that always exists has no presence at all.
/// </summary>
internal sealed record FieldPresence(EquatableArray<long> Versions, ReportConditionSpec? When);
