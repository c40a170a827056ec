using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>A <c>when</c> condition: the field exists only if <see cref="Field"/> has one of <see cref="Allowed"/>.</summary>
internal sealed record ReportConditionSpec(string Field, EquatableArray<long> Allowed);
