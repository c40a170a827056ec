using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>A validity check on a report field: its value must be one of <see cref="Allowed"/> (applied only when the field is present).</summary>
internal sealed record ReportCheckSpec(string Field, EquatableArray<long> Allowed);
