using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Emit;
using Tsm.Generators.Events;
using Tsm.Generators.Helpers;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators;

/// <summary>
/// Turns every additional file marked <c>TsmSchema="true"</c> into a vendor class with typed register accessors,
/// plus one parser per report layout and per CBOR claim set.
/// Each schema flows through its own pipeline values, so editing one schema re-emits only that schema's class,
/// and a broken schema is skipped (<see cref="Diagnostics.SchemaFileAnalyzer"/> reports why at each token) without
/// stopping the others; in its place comes an empty class of the same name and one TSM0013 naming the first error.
/// A second pipeline (<see cref="MeasurementEventPipeline"/>) implements <c>IMeasurementEvent</c> for every type
/// marked <c>[MeasurementEvent]</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TsmSchemaGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        MeasurementEventPipeline.Register(context);

        IncrementalValueProvider<GenerationOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => GenerationOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        IncrementalValuesProvider<SchemaInput> inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => SchemaFiles.IsSchema(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => (pair.Left.Path, Text: pair.Left.GetText(cancellationToken)?.ToString()))
            .Where(static file => file.Text is not null)
            .Select(static (file, _) => new SchemaInput(file.Path, file.Text!))
            .WithTrackingName(TrackingNames.SchemaInput);

        IncrementalValuesProvider<SchemaResult> results = inputs
            .Select(static (input, cancellationToken) => SchemaParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.SchemaResult);

        // Per-file problems, and the cross-file TSM0011 and TSM0016, are reported by SchemaFileAnalyzer (same parser and
        // TypeOwnership, live in the IDE, on the JSON token); reporting them here too would show each twice in a build.
        // The generator skips a broken or losing file, keeps generating the others, and reports only one TSM0013 per
        // broken file, because csc does not run analyzers once the compilation has errors.
        IncrementalValuesProvider<(VendorSpec Spec, string Path)> specs = results
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => (result.Spec!, result.Path))
            .WithTrackingName(TrackingNames.VendorSpec);

        IncrementalValueProvider<EquatableArray<VendorKey>> vendors = specs
            .Select(static (pair, _) => VendorKey.From(pair.Spec, pair.Path))
            .Collect()
            .Select(static (keys, _) => keys.OrderBy(static k => k.Path, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.VendorKeys);

        // Reduced to the one fact each file needs (which file owns its types) before emitting, so adding or removing
        // another schema changes the vendor list but leaves this file's value, and so its output, cached.
        IncrementalValuesProvider<(VendorSpec Spec, string Path, string OwnerPath)> owned = specs
            .Combine(vendors)
            .Select(static (pair, _) => (pair.Left.Spec, pair.Left.Path, TypeOwnership.OwnerPath(TypeOwnership.Claims(pair.Right), VendorKey.From(pair.Left.Spec, pair.Left.Path))))
            .WithTrackingName(TrackingNames.VendorOwner);

        // An 'as' type the compilation lacks makes its field a plain integer (SchemaFileAnalyzer reports TSM0017). Only
        // the names go in and the unusable ones come out, as plain values, so a C# edit re-runs the lookup but, resolving
        // the names the same way, leaves every vendor output cached.
        IncrementalValueProvider<EquatableArray<(string Name, IntegerWidth Integer)>> unusableAsTypes = specs
            .Select(static (pair, _) => AsTypeFallback.Names(pair.Spec))
            .Collect()
            .Select(static (names, _) => AsTypeFallback.Merge(names))
            .Combine(context.CompilationProvider)
            .Combine(options)
            .Select(static (input, _) => input.Left.Left
                .Where(n => AsTypeResolver.Problem(input.Left.Right, n.Name, n.Integer, input.Right.Accessibility == GenerationOptions.PublicAccessibility) is not null)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.UnusableAsTypes);

        IncrementalValuesProvider<(VendorSpec Spec, string Path, string OwnerPath)> typed = owned
            .Combine(unusableAsTypes)
            .Select(static (pair, _) => (AsTypeFallback.Apply(pair.Left.Spec, pair.Right), pair.Left.Path, pair.Left.OwnerPath))
            .WithTrackingName(TrackingNames.VendorAsTypes);

        context.RegisterSourceOutput(
            typed.Combine(options),
            static (spc, input) => Emit(spc, input.Left.Spec, input.Left.Path, input.Left.OwnerPath, input.Right));

        // MeasurementPlatforms depends only on which vendors map roles (id and class), so a schema without roles, or an
        // edit that keeps a vendor's roles, leaves it cached. A vendor whose class another file owns is not generated.
        IncrementalValueProvider<EquatableArray<PlatformVendor>> platforms = owned
            .Where(static o => o.Path == o.OwnerPath && o.Spec.Roles.Count > 0)
            .Select(static (o, _) => new PlatformVendor(o.Spec.Vendor, o.Spec.ClassName))
            .Collect()
            .Select(static (vendors, _) => vendors.OrderBy(static v => v.Vendor, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.PlatformVendors);

        context.RegisterSourceOutput(
            platforms.Combine(options),
            static (spc, input) => EmitPlatforms(spc, input.Left, input.Right));

        // TsmCatalog lists every generated vendor, reduced to ids, class and type names, layout sizes and signatures.
        IncrementalValueProvider<EquatableArray<CatalogVendor>> catalog = owned
            .Where(static o => o.Path == o.OwnerPath)
            .Select(static (o, _) => CatalogReduction.Reduce(o.Spec))
            .Collect()
            .Select(static (vendors, _) => vendors.OrderBy(static v => v.Vendor, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.CatalogVendors);

        context.RegisterSourceOutput(
            catalog.Combine(options),
            static (spc, input) => EmitCatalog(spc, input.Left, input.Right));

        IncrementalValuesProvider<PlaceholderSpec> placeholders = results
            .Where(static result => result.Spec is null && result.ClassName is not null && result.Diagnostics.Count > 0)
            .Select(static (result, _) => new PlaceholderSpec(result.Path, result.ClassName!, result.Diagnostics.Count, result.Diagnostics[0]))
            .WithTrackingName(TrackingNames.Placeholder);

        IncrementalValueProvider<EquatableArray<VendorKey>> placeholderKeys = placeholders
            .Select(static (placeholder, _) => new VendorKey(placeholder.ClassName, placeholder.ClassName, placeholder.Path, new[] { placeholder.ClassName }.ToEquatableArray()))
            .Collect()
            .Select(static (keys, _) => keys.OrderBy(static k => k.Path, StringComparer.Ordinal).ToEquatableArray());

        // The placeholder class only when no generated schema has a type of that name and this file is the first
        // broken one that would, so the hint names and types stay unique.
        IncrementalValuesProvider<(PlaceholderSpec Placeholder, bool EmitsClass)> decided = placeholders
            .Combine(vendors)
            .Combine(placeholderKeys)
            .Select(static (input, _) => (
                input.Left.Left,
                !TypeOwnership.Claims(input.Left.Right).ContainsKey(input.Left.Left.ClassName)
                    && input.Right.First(k => k.ClassName == input.Left.Left.ClassName).Path == input.Left.Left.Path))
            .WithTrackingName(TrackingNames.PlaceholderOwner);

        context.RegisterSourceOutput(
            decided.Combine(options),
            static (spc, input) => EmitPlaceholder(spc, input.Left.Placeholder, input.Left.EmitsClass, input.Right));
    }

    // TSM0013 always, and the placeholder class when this file may emit it.
    private static void EmitPlaceholder(SourceProductionContext context, PlaceholderSpec placeholder, bool emitsClass, GenerationOptions options)
    {
        DiagnosticInfo first = placeholder.FirstError;
        DiagnosticDescriptor firstDescriptor = DiagnosticCatalog.Find(first.Id);
        string firstMessage = string.Format(System.Globalization.CultureInfo.InvariantCulture, firstDescriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Arguments.ToArray());
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SchemaNotGenerated,
            first.ToDiagnostic().Location,
            System.IO.Path.GetFileName(placeholder.Path),
            placeholder.ErrorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            placeholder.ClassName,
            $"{first.StartLine},{first.StartColumn}",
            first.Id,
            firstMessage));

        if (!emitsClass)
        {
            return;
        }

        context.AddSource(placeholder.ClassName + ".g.cs", SourceText.From(PlaceholderEmitter.Emit(placeholder, options.Namespace, options.Accessibility), System.Text.Encoding.UTF8));
    }

    private static void EmitPlatforms(SourceProductionContext context, EquatableArray<PlatformVendor> vendors, GenerationOptions options)
    {
        if (vendors.Count == 0)
        {
            return;
        }

        string source = PlatformsEmitter.Emit(vendors, options.Namespace, options.Accessibility);
        context.AddSource(Naming.PlatformsClassName + ".g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
    }

    private static void EmitCatalog(SourceProductionContext context, EquatableArray<CatalogVendor> vendors, GenerationOptions options)
    {
        if (vendors.Count > 0)
        {
            context.AddSource(Naming.CatalogClassName + ".g.cs", SourceText.From(CatalogEmitter.Emit(vendors, options.Namespace, options.Accessibility), System.Text.Encoding.UTF8));
        }
    }

    private static void Emit(SourceProductionContext context, VendorSpec spec, string path, string ownerPath, GenerationOptions options)
    {
        // Another file generates one of this file's types; SchemaFileAnalyzer reports TSM0011 or TSM0016 on the token.
        if (ownerPath != path)
        {
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
