using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// <c>&lt;TsmAccessibility&gt;</c> (<c>build_property.TsmAccessibility</c>) sets the accessibility of every top-level
/// generated type. It is internal by default, so libraries that opt in to the same vendor can share an app; public
/// makes the types part of a library's API. Nested types and members stay public either way.
/// </summary>
public sealed class AccessibilityTests
{
    private const string UsesItsOwnTdx = """
        using Tsm;
        using Tsm.Vendors;

        internal static class App
        {
            public static Sha384Digest Rtmr3()
            {
                using Tdx tdx = Tdx.Open(TsmBackend.Emulated());
                return tdx.Rtmr3.Read();
            }
        }
        """;

    [Fact]
    public void By_default_every_generated_top_level_type_is_internal_and_its_nested_types_stay_public()
    {
        Compilation output = Generate(GeneratorHarness.ShippedSchemas(), accessibility: null);

        IReadOnlyList<INamedTypeSymbol> topLevel = GeneratedTypes(output).Where(static t => t.ContainingType is null).ToList();
        IReadOnlyList<INamedTypeSymbol> nested = GeneratedTypes(output).Where(static t => t.ContainingType is not null).ToList();
        Assert.Contains(topLevel, static t => t.Name == "Tdx");
        Assert.Contains(topLevel, static t => t.Name == "TdQuote");
        Assert.Contains(topLevel, static t => t.Name == "CcaRealmClaims");
        Assert.All(topLevel, static t => Assert.True(t.DeclaredAccessibility == Accessibility.Internal, $"{t} is {t.DeclaredAccessibility}"));
        Assert.NotEmpty(nested);
        Assert.All(nested, static t => Assert.True(t.DeclaredAccessibility == Accessibility.Public, $"{t} is {t.DeclaredAccessibility}"));
    }

    [Theory]
    [InlineData("public")]
    [InlineData(" Public ")]
    public void Public_makes_every_generated_top_level_type_public(string accessibility)
    {
        Compilation output = Generate(GeneratorHarness.ShippedSchemas(), accessibility);

        Assert.All(GeneratedTypes(output), static t => Assert.True(t.DeclaredAccessibility == Accessibility.Public, $"{t} is {t.DeclaredAccessibility}"));
    }

    [Theory]
    [InlineData("internal")]
    [InlineData("")]
    [InlineData("protected")]
    public void Internal_an_empty_value_and_values_the_build_rejects_with_TSM9002_all_leave_the_types_internal(string accessibility)
    {
        Compilation output = Generate(GeneratorHarness.ShippedSchemas(), accessibility);

        Assert.All(
            GeneratedTypes(output).Where(static t => t.ContainingType is null),
            static t => Assert.True(t.DeclaredAccessibility == Accessibility.Internal, $"{t} is {t.DeclaredAccessibility}"));
    }

    [Fact]
    public void Public_vendor_types_can_be_used_from_another_assembly_and_internal_ones_cannot()
    {
        const string user = "public static class User { public static int Registers() => Tsm.Vendors.Tdx.Definition.Registers.Count; }";

        IReadOnlyList<Diagnostic> withPublic = GeneratorHarness.Errors(GeneratorHarness.Compilation(user).AddReferences(TdxLibrary("Shared", "public")));
        IReadOnlyList<Diagnostic> withInternal = GeneratorHarness.Errors(GeneratorHarness.Compilation(user).AddReferences(TdxLibrary("Private", accessibility: null)));

        Assert.Empty(withPublic);
        Assert.Equal("CS0122", Assert.Single(withInternal).Id);
    }

    [Fact]
    public void An_app_with_its_own_tdx_compiles_cleanly_against_two_libraries_that_opted_in_to_tdx_with_the_default()
    {
        MetadataReference[] libraries = { TdxLibrary("LibraryA", accessibility: null), TdxLibrary("LibraryB", accessibility: null) };

        Compilation app = GenerateTdx(accessibility: null, GeneratorHarness.Compilation(UsesItsOwnTdx).AddReferences(libraries));

        // CS1701/CS1702 (net8.0 Tsm.Runtime against net10.0 reference assemblies) are in the SDK's default NoWarn.
        Assert.Empty(app.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1701" or "CS1702")));
    }

    [Fact]
    public void Two_libraries_that_export_tdx_make_the_apps_own_tdx_conflict_with_theirs()
    {
        MetadataReference[] libraries = { TdxLibrary("LibraryA", "public"), TdxLibrary("LibraryB", "public") };

        Compilation app = GenerateTdx(accessibility: null, GeneratorHarness.Compilation(UsesItsOwnTdx).AddReferences(libraries));

        // CS0436: the app's Tdx conflicts with the imported ones; the build's TreatWarningsAsErrors makes it fatal.
        Assert.Contains(app.GetDiagnostics(), static d => d.Id == "CS0436");
    }

    private static Compilation Generate(IEnumerable<AdditionalText> schemas, string? accessibility, Compilation? compilation = null)
    {
        var globals = new Dictionary<string, string>();
        if (accessibility is not null)
        {
            globals["build_property.TsmAccessibility"] = accessibility;
        }

        GeneratorHarness.Driver(schemas, globals).RunGeneratorsAndUpdateCompilation(compilation ?? GeneratorHarness.Compilation(), out Compilation output, out _);
        Assert.Empty(GeneratorHarness.Errors(output));
        return output;
    }

    private static Compilation GenerateTdx(string? accessibility, Compilation compilation) =>
        Generate(GeneratorHarness.ShippedSchemas().Where(static s => s.Path.EndsWith("tdx.tsm.json", StringComparison.Ordinal)), accessibility, compilation);

    /// <summary>A library assembly that opted in to tdx with <paramref name="accessibility"/>, as a reference.</summary>
    private static MetadataReference TdxLibrary(string name, string? accessibility)
    {
        Compilation library = GenerateTdx(accessibility, GeneratorHarness.Compilation().WithAssemblyName(name));
        using var image = new MemoryStream();
        EmitResult emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Every type declared in a generated file, nested ones included.</summary>
    private static IEnumerable<INamedTypeSymbol> GeneratedTypes(Compilation output) => output.SyntaxTrees
        .Where(static tree => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
        .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
            .Select(declaration => (INamedTypeSymbol)output.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!));
}
