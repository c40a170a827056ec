using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tsm.Generators.Diagnostics;

namespace Tsm.Generators.Events;

/// <summary>
/// The generator's second pipeline: every declaration marked <c>[Tsm.MeasurementEvent]</c> → <see cref="EventResult"/>
/// (plain values; never a symbol, syntax node or location) → its diagnostics and one generated part per event type.
/// Found through <c>ForAttributeWithMetadataName</c>, so an edit elsewhere reuses every event's cached output.
/// </summary>
internal static class MeasurementEventPipeline
{
    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<EventResult> events = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EventReader.AttributeName,
                static (node, _) => EventReader.IsCandidate(node),
                static (attributeContext, cancellationToken) => EventReader.Read(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.MeasurementEvent);

        context.RegisterSourceOutput(events, static (spc, result) => Emit(spc, result));
    }

    private static void Emit(SourceProductionContext context, EventResult result)
    {
        foreach (DiagnosticInfo diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Spec is null)
        {
            return;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        context.AddSource(result.Spec.HintName, SourceText.From(EventEmitter.Emit(result.Spec), System.Text.Encoding.UTF8));
    }
}
