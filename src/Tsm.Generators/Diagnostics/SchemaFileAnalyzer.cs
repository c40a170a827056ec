using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Diagnostics;

/// <summary>
/// Reports the problems of each schema file (every additional file marked <c>TsmSchema="true"</c>) on its exact JSON
/// token. It runs the generator's own <see cref="SchemaParser"/>, so the analyzer and the generator never disagree on
/// what is valid; the generator only skips the broken file. Being an analyzer, the diagnostics show live in the IDE
/// (generator diagnostics in additional files do not, roslyn#49531) and can be suppressed like any other.
/// </summary>
/// <remarks>
/// The cross-file checks are here too (issue 8 §1): every schema of the compilation is read once when the compilation
/// starts, <see cref="TypeOwnership"/> decides, as in the generator, which file generates each type, and each file's
/// action reports on that file's tokens: TSM0011 on the <c>vendor</c> value of a file whose vendor class another file
/// generates as its vendor class, else TSM0016 on the token naming each type another file generates. The compilation
/// decides one more thing: whether each <c>as</c> type exists and can carry its field (<see cref="AsTypeResolver"/>,
/// which the generator asks too); TSM0017 on the <c>as</c> value says it does not, and the field stays an integer. A file
/// that loses a collision gets only the reason it lost: it is not generated, so its <c>as</c> types do not matter.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticCatalog.All
        .Where(static d => IsSchemaId(d.Id))
        .ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            AnalyzerOptions options = start.Options;
            CancellationToken cancellationToken = start.CancellationToken;
            var claims = new Lazy<Dictionary<string, VendorKey>>(() => Claims(options, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            Compilation compilation = start.Compilation;
            bool publicViews = GenerationOptions.From(options.AnalyzerConfigOptionsProvider.GlobalOptions).Accessibility == GenerationOptions.PublicAccessibility;
            start.RegisterAdditionalFileAction(file => AnalyzeFile(file, claims, compilation, publicViews));
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, Lazy<Dictionary<string, VendorKey>> claims, Compilation compilation, bool publicViews)
    {
        AdditionalText file = context.AdditionalFile;
        if (!SchemaFiles.IsSchema(file, context.Options.AnalyzerConfigOptionsProvider))
        {
            return;
        }

        // A <TsmSchema> path that names no file has no text; the compiler already reports it (CS2001), and an
        // "invalid JSON" on top would blame a file that does not exist.
        if (SchemaFileCache.Read(file, context.CancellationToken) is not { } result)
        {
            return;
        }

        foreach (DiagnosticInfo diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        // A file that loses a collision is not generated, so what its 'as' types would do to its views is moot.
        if (result.Spec is { } spec && !ReportCollisions(context, spec, result, claims.Value))
        {
            ReportUnusableAsTypes(context, result, compilation, publicViews);
        }
    }

    /// <summary>TSM0017 on each <c>as</c> value whose type the generator leaves out, saying why and what to do.</summary>
    private static void ReportUnusableAsTypes(AdditionalFileAnalysisContext context, SchemaResult result, Compilation compilation, bool publicViews)
    {
        foreach (AsTypeReference reference in result.AsTypes)
        {
            if (AsTypeResolver.Problem(compilation, reference.Name, reference.Integer, publicViews) is { } problem)
            {
                string integer = Emit.IntegerReads.CSharpType(reference.Integer);
                DiagnosticInfo diagnostic = IsOptionalPackageAbsent(compilation, reference.Name)
                    ? DiagnosticInfo.At(DiagnosticIds.OptionalAsTypeAbsent, result.Path, reference.At, reference.Name, integer)
                    : DiagnosticInfo.At(DiagnosticIds.UnusableAsType, result.Path, reference.At, reference.Name, problem, integer, Advice(integer));
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }
    }

    // The shipped schemas name types of Tsm.Attestation; a project that generates them with only Tsm.Runtime (the
    // quickstart, a library that wants its own internal views) lacks them, and the plain integer is what it asked for.
    private static bool IsOptionalPackageAbsent(Compilation compilation, string name) =>
        name.StartsWith("Tsm.Attestation.", StringComparison.Ordinal)
        && !compilation.ReferencedAssemblyNames.Any(static a => a.Name == "Tsm.Attestation")
        && compilation.AssemblyName != "Tsm.Attestation";

    private static string Advice(string integer) =>
        $"reference the assembly that defines it, or name in 'as' a struct with an accessible constructor taking a {integer}";

    /// <summary>
    /// Why a file that is not generated loses: TSM0011 alone when another file generates its vendor class (a second
    /// copy of one vendor, whose every report would clash too), else TSM0016 on each type another file generates.
    /// </summary>
    /// <returns>Whether the file loses, so that it is not generated.</returns>
    private static bool ReportCollisions(AdditionalFileAnalysisContext context, VendorSpec spec, SchemaResult result, Dictionary<string, VendorKey> claims)
    {
        if (claims.TryGetValue(spec.ClassName, out VendorKey? classOwner) && classOwner.Path != result.Path && classOwner.ClassName == spec.ClassName)
        {
            // Types[0] is the vendor class, on the vendor value: SchemaParser declares it first.
            context.ReportDiagnostic(DiagnosticInfo.At(DiagnosticIds.DuplicateVendor, result.Path, result.Types[0].At, spec.Vendor, spec.ClassName, classOwner.Path).ToDiagnostic());
            return true;
        }

        bool loses = false;
        foreach (DeclaredType type in result.Types)
        {
            if (claims.TryGetValue(type.Name, out VendorKey? owner) && owner.Path != result.Path)
            {
                context.ReportDiagnostic(DiagnosticInfo.At(DiagnosticIds.TypeNameCollision, result.Path, type.At, type.Source, type.Name, owner.Path).ToDiagnostic());
                loses = true;
            }
        }

        return loses;
    }

    private static Dictionary<string, VendorKey> Claims(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var keys = new List<VendorKey>();
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            if (SchemaFiles.IsSchema(file, options.AnalyzerConfigOptionsProvider) && SchemaFileCache.Read(file, cancellationToken)?.Spec is { } spec)
            {
                keys.Add(VendorKey.From(spec, file.Path));
            }
        }

        return TypeOwnership.Claims(keys);
    }

    /// <summary>TSM0001-TSM0999 are about schema files; TSM1000 and up are C# usage rules of other analyzers.</summary>
    private static bool IsSchemaId(string id) =>
        id.Length == 7 && id.StartsWith("TSM0", StringComparison.Ordinal) && id != "TSM0000";
}
