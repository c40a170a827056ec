using Microsoft.CodeAnalysis;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;

namespace Tsm.Generators.Events;

/// <summary>Diagnostics on C# syntax as plain values (<see cref="DiagnosticInfo"/>), since no <see cref="Location"/> may enter the pipeline.</summary>
internal static class SourceDiagnostics
{
    public static DiagnosticInfo At(string id, Location location, params string[] arguments)
    {
        // DiagnosticInfo counts lines and columns from 1, as the schema reader does; Roslyn counts from 0.
        FileLinePositionSpan span = location.GetLineSpan();
        return new DiagnosticInfo(
            id,
            span.Path ?? string.Empty,
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1,
            arguments.ToEquatableArray());
    }
}
