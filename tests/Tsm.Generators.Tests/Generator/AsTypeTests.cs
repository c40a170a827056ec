using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// A report field's <c>as</c> names a fully qualified type of the compilation: Tsm.Attestation's, or the consumer's
/// own. A type the compilation lacks, or one that cannot carry the field, leaves the field its plain integer: the
/// generated code always compiles, the generator reports nothing, and the analyzer reports TSM0017 on the
/// <c>as</c> value.
/// </summary>
public sealed class AsTypeTests
{
    private const string SchemaPath = "/project/acme.tsm.json";
    private const string ReportHint = "Acme.AcmeReport.g.cs";

    private const string OwnType = """
        namespace Contoso.Tcb
        {
            public readonly struct TcbVersion
            {
                public TcbVersion(ulong raw) => Raw = raw;

                public ulong Raw { get; }
            }

            public static class Outer
            {
                public readonly struct Inner
                {
                    public Inner(uint raw) => Raw = raw;

                    public uint Raw { get; }
                }
            }
        }

        public readonly struct GlobalTcb
        {
            public GlobalTcb(ulong raw) => Raw = raw;

            public ulong Raw { get; }
        }
        """;

    /// <summary>One report with a u64 field <c>tcb</c> and a u32 field <c>small</c>, the first with this <c>as</c>.</summary>
    private static string Schema(string @as, string smallAs = "") => $$"""
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
          "registers": [ { "name": "mr", "hash": "sha256", "flags": ["readable"] } ],
          "reports": [
            { "name": "report", "typeName": "AcmeReport", "size": 12, "fields": [
              { "name": "tcb", "offset": 0, "size": 8, "type": "u64", "as": "{{@as}}" },
              { "name": "small", "offset": 8, "size": 4, "type": "u32"{{(smallAs.Length == 0 ? string.Empty : $", \"as\": \"{smallAs}\"")}} }
            ] }
          ]
        }
        """;

    [Theory]
    [InlineData("Contoso.Tcb.TcbVersion", "global::Contoso.Tcb.TcbVersion")]
    [InlineData("global::Contoso.Tcb.TcbVersion", "global::Contoso.Tcb.TcbVersion")]
    [InlineData("global::GlobalTcb", "global::GlobalTcb")]
    [InlineData("Tsm.Attestation.SnpTcbVersion", "global::Tsm.Attestation.SnpTcbVersion")]
    public async Task A_fully_qualified_as_types_the_property_and_compiles(string @as, string expected)
    {
        (string report, Compilation output, ImmutableArray<Diagnostic> analyzer) = await Generate(Schema(@as, "Contoso.Tcb.Outer.Inner"), GeneratorHarness.References, OwnType);

        Assert.Contains($"public readonly {expected} Tcb => new {expected}(", report, StringComparison.Ordinal);
        Assert.Contains("public readonly global::Contoso.Tcb.Outer.Inner Small => new global::Contoso.Tcb.Outer.Inner(", report, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Empty(GeneratorHarness.GeneratedCodeProblems(output));
        Assert.Empty(analyzer);
    }

    [Fact]
    public async Task A_missing_type_leaves_the_integer_and_the_analyzer_reports_TSM0017_on_the_as_value()
    {
        string json = Schema("Contoso.Tcb.TcbVersoin");
        (string report, Compilation output, ImmutableArray<Diagnostic> analyzer) = await Generate(json, GeneratorHarness.References, OwnType);

        Assert.Contains("public readonly ulong Tcb => ", report, StringComparison.Ordinal);
        Assert.DoesNotContain("TcbVersoin", report, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Empty(GeneratorHarness.GeneratedCodeProblems(output));
        Diagnostic diagnostic = Assert.Single(analyzer);
        Assert.Equal("TSM0017", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(SchemaPath, span.Path);
        (int line, int column) = Position(json, "\"Contoso.Tcb.TcbVersoin\"");
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.Equal(
            "The 'as' type 'Contoso.Tcb.TcbVersoin' is not in the compilation, so the field is generated as a plain ulong; reference the assembly that defines it, or name in 'as' a struct with an accessible constructor taking a ulong",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("public readonly struct T { public T(long raw) { } }", "has no accessible constructor taking exactly one ulong")]
    [InlineData("public readonly struct T { public T(uint raw) { } }", "has no accessible constructor taking exactly one ulong")]
    [InlineData("public readonly struct T { public T(ulong raw, int extra = 0) { } }", "has no accessible constructor taking exactly one ulong")]
    [InlineData("public readonly struct T { public T(in ulong raw) { } }", "has no accessible constructor taking exactly one ulong")]
    [InlineData("public readonly struct T { private T(ulong raw) { } }", "has no accessible constructor taking exactly one ulong")]
    [InlineData("public sealed class T { public T(ulong raw) { } }", "is not a struct (a report view's property holds its value)")]
    [InlineData("public ref struct T { public T(ulong raw) { } }", "is not a struct (a report view's property holds its value)")]
    [InlineData("public enum T : ulong { }", "is not a struct (a report view's property holds its value)")]
    [InlineData("public readonly struct T<X> { public T(ulong raw) { } }", "is not in the compilation")]
    [InlineData("[System.Obsolete] public readonly struct T { public T(ulong raw) { } }", "or its constructor is marked [Obsolete]")]
    public async Task A_type_that_cannot_carry_the_field_leaves_the_integer(string declaration, string problem)
    {
        (string report, Compilation output, ImmutableArray<Diagnostic> analyzer) = await Generate(Schema("Contoso.T"), GeneratorHarness.References, "namespace Contoso { " + declaration + " }");

        Assert.Contains("public readonly ulong Tcb => ", report, StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratorHarness.Errors(output), static d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);
        Assert.Empty(GeneratorHarness.GeneratedCodeProblems(output));
        Diagnostic diagnostic = Assert.Single(analyzer);
        Assert.Equal("TSM0017", diagnostic.Id);
        Assert.Contains($"'Contoso.T' {problem}, so", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_type_is_usable_by_internal_views_but_not_by_public_ones()
    {
        const string Internal = "namespace Contoso { internal readonly struct T { public T(ulong raw) { } } }";
        string json = Schema("Contoso.T");

        (string internalReport, Compilation internalOutput, _) = await Generate(json, GeneratorHarness.References, Internal);
        (GeneratorDriverRunResult result, Compilation publicOutput) = RunWith(json, new Dictionary<string, string> { ["build_property.TsmAccessibility"] = "public" }, Internal);

        Assert.Contains("public readonly global::Contoso.T Tcb => ", internalReport, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Errors(internalOutput));
        Assert.Contains("public readonly ulong Tcb => ", Source(result, ReportHint), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Errors(publicOutput));
    }

    [Fact]
    public async Task The_shipped_sev_snp_schema_with_only_Tsm_Runtime_gets_integer_tcb_fields_and_four_infos_not_warnings()
    {
        AdditionalText snp = GeneratorHarness.ShippedSchemas().Single(static s => s.Path.EndsWith("sev-snp.tsm.json", StringComparison.Ordinal));
        Compilation runtimeOnly = GeneratorHarness.Compilation(GeneratorHarness.RuntimeOnlyReferences, "class A { }");
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { snp }).RunGeneratorsAndUpdateCompilation(runtimeOnly, out Compilation output, out _);
        GeneratorDriverRunResult result = driver.GetRunResult();
        ImmutableArray<Diagnostic> analyzer = await AnalyzerHarness.Analyze(new[] { snp }, compilation: runtimeOnly);

        string report = Source(result, "SevSnp.SnpReport.g.cs");
        Assert.Contains("public readonly ulong CurrentTcb => ", report, StringComparison.Ordinal);
        Assert.Contains("public readonly ulong LaunchTcb => ", report, StringComparison.Ordinal);
        Assert.DoesNotContain("SnpTcbVersion", report, StringComparison.Ordinal);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Equal(4, analyzer.Count(static d => d.Id == "TSM0018"));
        Assert.All(analyzer, static d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.All(analyzer, static d => Assert.Contains("reference Tsm.Attestation to have it as Tsm.Attestation.SnpTcbVersion", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mistyped_Tsm_Attestation_type_with_Tsm_Attestation_referenced_is_still_the_warning()
    {
        (string report, Compilation output, ImmutableArray<Diagnostic> analyzer) = await Generate(Schema("Tsm.Attestation.SnpTcbVersino"), GeneratorHarness.References, OwnType);

        Diagnostic diagnostic = Assert.Single(analyzer);
        Assert.Equal(("TSM0017", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("public readonly ulong Tcb => ", report, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Theory]
    [InlineData("SnpTcbVersion", "; did you mean 'Tsm.Attestation.SnpTcbVersion'?")]
    [InlineData("Contoso.Outer+Inner", "; did you mean 'Contoso.Outer.Inner'?")]
    [InlineData("Contoso::Tcb", "; did you mean 'Contoso.Tcb'?")]
    [InlineData("Contoso.Tcb Version", "")]
    public async Task An_as_that_is_not_a_fully_qualified_name_is_TSM0004_with_a_did_you_mean(string @as, string meant)
    {
        string json = Schema(@as);
        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.Analyze(new[] { GeneratorHarness.Schema(SchemaPath, json) });

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TSM0004", diagnostic.Id);
        Assert.Equal(
            $"'as' is '{@as}', not a fully qualified C# type name: Namespace.Type, or global::Type for a type of the global namespace{meant}",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Position(json, $"\"{@as}\""), (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1));
    }

    private static async Task<(string Report, Compilation Output, ImmutableArray<Diagnostic> Analyzer)> Generate(string json, IReadOnlyList<MetadataReference> references, string source)
    {
        AdditionalText schema = GeneratorHarness.Schema(SchemaPath, json);
        Compilation compilation = GeneratorHarness.Compilation(references, source);
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { schema }).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        GeneratorDriverRunResult result = driver.GetRunResult();
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(result.Diagnostics);
        return (Source(result, ReportHint), output, await AnalyzerHarness.Analyze(new[] { schema }, compilation: compilation));
    }

    private static (GeneratorDriverRunResult Result, Compilation Output) RunWith(string json, IReadOnlyDictionary<string, string> globals, string source)
    {
        GeneratorDriver driver = GeneratorHarness.Driver(new[] { GeneratorHarness.Schema(SchemaPath, json) }, globals)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.Compilation(source), out Compilation output, out _);
        return (driver.GetRunResult(), output);
    }

    private static string Source(GeneratorDriverRunResult result, string hint) =>
        result.Results.Single().GeneratedSources.Single(s => s.HintName == hint).SourceText.ToString();

    /// <summary>The 1-based line and column where <paramref name="token"/> starts in <paramref name="json"/>.</summary>
    private static (int Line, int Column) Position(string json, string token)
    {
        int at = json.IndexOf(token, StringComparison.Ordinal);
        return (json[..at].Count(static c => c == '\n') + 1, at - (json.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1);
    }
}
