using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;

namespace Tsm.Generators.Events;

/// <summary>What the reader made of one <c>[MeasurementEvent]</c> declaration.</summary>
/// <param name="Spec">The event to emit; null when no part can be generated (the type or a containing type is not partial).</param>
/// <param name="Diagnostics">TSM2001-TSM2005, on the offending syntax.</param>
internal sealed record EventResult(EventSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
