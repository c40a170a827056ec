using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Emit;
using Tsm.Generators.Helpers;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators;

/// <summary>
/// Turns every additional file marked <c>TsmSchema="true"</c> into a vendor class with typed register accessors,
/// plus one parser per report layout and per CBOR claim set.
/// Each schema flows through its own pipeline values, so editing one schema re-emits only that schema's class,
/// and a broken schema is skipped (<see cref="Diagnostics.SchemaFileAnalyzer"/> reports why) without stopping the others.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TsmSchemaGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GenerationOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GenerationOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        IncrementalValuesProvider<SchemaInput> inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => SchemaFiles.IsSchema(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => new SchemaInput(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.SchemaInput);

        IncrementalValuesProvider<SchemaResult> results = inputs
            .Select(static (input, cancellationToken) => SchemaParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaResult);

        // Per-file problems are reported by SchemaFileAnalyzer (same parser, live in the IDE); reporting them here too
        // would show each twice in a build. The generator only skips a broken file and keeps generating the others.
        IncrementalValuesProvider<(VendorSpec Spec, string Path)> specs = results
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => (result.Spec!, result.Path))
            .WithTrackingName(TrackingNames.VendorSpec);

        IncrementalValueProvider<EquatableArray<VendorKey>> vendors = specs
            .Select(static (pair, _) => new VendorKey(pair.Spec.Vendor, pair.Spec.ClassName, pair.Path))
            .Collect()
            .Select(static (keys, _) => keys.OrderBy(static k => k.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.DuplicateVendors);

        context.RegisterSourceOutput(
            specs.Combine(vendors).Combine(options),
            static (spc, input) => Emit(spc, input.Left.Left.Spec, input.Left.Left.Path, input.Left.Right, input.Right));
    }

    private static void Emit(SourceProductionContext context, VendorSpec spec, string path, EquatableArray<VendorKey> vendors, GenerationOptions options)
    {
        VendorKey owner = vendors.First(k => k.ClassName == spec.ClassName);
        if (owner.Path != path)
        {
            var location = Location.Create(path, new TextSpan(0, 0), new LinePositionSpan(LinePosition.Zero, LinePosition.Zero));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateVendor, location, spec.Vendor, spec.ClassName, owner.Path));
            return;
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        string source = VendorEmitter.Emit(spec, options.Namespace, options.Accessibility);
        context.AddSource(spec.ClassName + ".g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
        foreach (ReportSpec report in spec.Reports)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            string parser = ReportEmitter.Emit(spec, report, options.Namespace, options.Accessibility);
            context.AddSource($"{spec.ClassName}.{report.TypeName}.g.cs", SourceText.From(parser, System.Text.Encoding.UTF8));
        }

        foreach (ClaimSetSpec claimSet in spec.ClaimSets)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            string parser = ClaimSetEmitter.Emit(spec, claimSet, options.Namespace, options.Accessibility);
            context.AddSource($"{spec.ClassName}.{claimSet.TypeName}.g.cs", SourceText.From(parser, System.Text.Encoding.UTF8));
        }
    }
}
