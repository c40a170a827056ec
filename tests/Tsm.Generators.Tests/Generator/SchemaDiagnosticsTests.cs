using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// A broken schema never crashes the generator: <see cref="Diagnostics.SchemaFileAnalyzer"/> reports it on the exact
/// JSON token, the generator skips it (an empty placeholder class and one TSM0013 summary take its place, no
/// duplicates of the analyzer's errors), and every other schema still generates. Of two files that would generate
/// one type, only the first (by path) is generated and the generator reports nothing: the analyzer reports TSM0011 or
/// TSM0016 on the token.
/// </summary>
public sealed class SchemaDiagnosticsTests
{
    private const string ValidHead = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
        """;

    /// <summary>Marks where the diagnostic must start: the test removes it and expects the diagnostic at its line and column.</summary>
    private const char Here = '↓';

    public static TheoryData<string, string> BrokenSchemas() => new()
    {
        { "{ \"vendor\": \"acme\", ↓}", "TSM0001" },
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"sha256\", \"flags\": [\"readable\"], ↓\"colour\": 1 } ]\n}", "TSM0002" },
        { "↓{\n  \"vendor\": \"acme\",\n  \"device\": { \"sysfs\": \"/x\" },\n  \"registers\": []\n}", "TSM0003" },
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"sha256\", \"flags\": [↓\"writable\"] } ]\n}", "TSM0004" },
        { ValidHead + "\n  \"registers\": [ { \"name\": ↓\"../m\", \"hash\": \"sha256\", \"flags\": [\"readable\"] } ]\n}", "TSM0005" },
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"sha384\", \"size\": ↓32, \"flags\": [\"readable\"] } ]\n}", "TSM0006" },
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"sha256\", \"flags\": [\"readable\"] }, { \"name\": ↓\"m\", \"hash\": \"sha256\", \"flags\": [\"readable\"] } ]\n}", "TSM0007" },
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"aliasOf\": ↓\"nope\", \"flags\": [\"readable\"] } ]\n}", "TSM0008" },
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"sha256\", \"flags\": [\"readable\"] } ],\n  \"reports\": [ { \"name\": \"r\", \"size\": 16, \"fields\": [ { \"name\": ↓\"f\", \"offset\": 12, \"size\": 8, \"type\": \"u64\" } ] } ]\n}", "TSM0009" },
        { ValidHead + "\n  \"registers\": [ { \"name\": ↓\"m\", \"hash\": \"none\", \"size\": 20, \"flags\": [\"readable\"] } ]\n}", "TSM0010" },
        { ValidHead + "\n  \"registers\": [ { \"name\": ↓\"registers\", \"hash\": \"sha256\", \"flags\": [\"readable\"] } ]\n}", "TSM0012" },

        // Each bank has its own digest size: a size that fits one bank but not another is caught.
        { ValidHead + "\n  \"registers\": [ { \"name\": \"pcr\", \"count\": 2, \"banks\": [\"sha256\", \"sha1\"], \"size\": ↓32, \"flags\": [\"readable\"] } ]\n}", "TSM0006" },

        // An alias with a hash of another size than its target's storage.
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"sha256\", \"flags\": [\"readable\"] }, { \"name\": \"a\", \"aliasOf\": ↓\"m\", \"hash\": \"sha384\", \"flags\": [\"readable\"] } ]\n}", "TSM0004" },

        // A hash-choice register's size is the chosen hash's.
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hashChoices\": [\"sha256\", \"sha512\"], \"size\": ↓64, \"flags\": [\"readable\"] } ]\n}", "TSM0004" },

        // 'hash' belongs to digest fields, and flags fields name their bits.
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"sha256\", \"flags\": [\"readable\"] } ],\n  \"reports\": [ { \"name\": \"r\", \"size\": 16, \"fields\": [ { \"name\": \"f\", \"offset\": 0, \"size\": 8, \"type\": \"u64\", \"hash\": ↓\"sha256\" } ] } ]\n}", "TSM0004" },
        { ValidHead + "\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"sha256\", \"flags\": [\"readable\"] } ],\n  \"reports\": [ { \"name\": \"r\", \"size\": 16, \"fields\": [ ↓{ \"name\": \"f\", \"offset\": 0, \"size\": 8, \"type\": \"flags\" } ] } ]\n}", "TSM0003" },

        // A file-name template for registers without a hash cannot name the hash.
        { "{\n  \"vendor\": \"acme\",\n  \"displayName\": \"Acme TEE\",\n  \"device\": { \"sysfs\": \"/sys/acme\", \"noHashFileName\": ↓\"{name}:{hash}\" },\n  \"registers\": [ { \"name\": \"m\", \"hash\": \"none\", \"size\": 32, \"flags\": [\"readable\"] } ]\n}", "TSM0004" },
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public async Task A_broken_schema_is_reported_at_its_json_token_and_the_others_still_generate(string markedJson, string id)
    {
        int marker = markedJson.IndexOf(Here, StringComparison.Ordinal);
        string json = markedJson.Remove(marker, 1);
        int line = markedJson[..marker].Count(static c => c == '\n') + 1;
        int column = marker - (markedJson.LastIndexOf('\n', Math.Max(0, marker - 1)) + 1) + 1;
        AdditionalText broken = GeneratorHarness.Schema("/project/broken.tsm.json", json);
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas().Append(broken).ToList();
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(schemas);
        ImmutableArray<Diagnostic> analyzerDiagnostics = await AnalyzerHarness.Analyze(schemas);

        Assert.Null(result.Results.Single().Exception);
        bool vendorReadable = id != "TSM0001";
        Assert.Equal(vendorReadable ? new[] { "TSM0013" } : [], result.Diagnostics.Select(static d => d.Id));
        Diagnostic diagnostic = Assert.Single(analyzerDiagnostics, d => d.Id == id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/broken.tsm.json", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.All(analyzerDiagnostics, d => Assert.Equal("/project/broken.tsm.json", d.Location.GetLineSpan().Path));
        Assert.Equal(vendorReadable ? 6 : 5, result.Results.Single().GeneratedSources.Count(static s => s.HintName.Split('.').Length == 3 && s.HintName is not "MeasurementPlatforms.g.cs" and not "TsmCatalog.g.cs"));
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public async Task References_may_name_a_register_as_name_colon_hash()
    {
        string json = ValidHead + """

              "registers": [
                { "name": "pmr", "hash": "sha256", "flags": ["readable"] },
                { "name": "pmr_agile", "aliasOf": "pmr:sha256", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } },
                { "name": "digest", "hash": "sha512", "flags": ["readable", "live"], "refresh": { "hash": "sha512", "of": ["pmr:sha256"] } }
              ]
            }
            """;
        AdditionalText schema = GeneratorHarness.Schema("/project/acme.tsm.json", json);
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(new[] { schema });

        Assert.Empty(await AnalyzerHarness.Analyze(new[] { schema }));
        string source = result.Results.Single().GeneratedSources.Single(static s => s.HintName == "Acme.g.cs").SourceText.ToString();
        Assert.Contains("AliasOf = \"pmr\"", source, StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public async Task Two_schemas_for_one_vendor_generate_the_first_and_the_analyzer_reports_the_second()
    {
        string tdx = File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "tdx.tsm.json"));
        AdditionalText copy = GeneratorHarness.Schema("/zz/copy/tdx.tsm.json", tdx);
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas().Append(copy).ToList();
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(schemas);

        Diagnostic diagnostic = Assert.Single(await AnalyzerHarness.Analyze(schemas));
        Assert.Equal("TSM0011", diagnostic.Id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/zz/copy/tdx.tsm.json", 2, 12), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Empty(result.Diagnostics);
        Assert.Single(result.Results.Single().GeneratedSources, static s => s.HintName == "Tdx.g.cs");
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    public static TheoryData<string, string, string> CollidingUserSchemas() => new()
    {
        // A report type the shipped tdx schema generates.
        {
            """{ "vendor": "acme", "displayName": "Acme", "device": { "sysfs": "/sys/acme" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ], "reports": [ { "name": "r", "typeName": "TdReport", "size": 8, "fields": [ { "name": "f", "offset": 0, "size": 8, "type": "u64" } ] } ] }""",
            "TSM0016",
            "\"TdReport\""
        },

        // A vendor class named like a shipped report type.
        { """{ "vendor": "td-report", "displayName": "Acme", "device": { "sysfs": "/sys/acme" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ] }""", "TSM0016", "\"td-report\"" },

        // Two vendor ids with one class name.
        { """{ "vendor": "tsm-mr-sample", "displayName": "Acme", "device": { "sysfs": "/sys/acme" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ] }""", "TSM0011", "\"tsm-mr-sample\"" },
    };

    [Theory]
    [MemberData(nameof(CollidingUserSchemas))]
    public async Task A_user_schema_that_would_generate_a_shipped_type_is_not_generated_and_only_the_analyzer_reports_it(string json, string id, string token)
    {
        AdditionalText user = GeneratorHarness.Schema("/zz/acme.tsm.json", json);
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas().Append(user).ToList();
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(schemas);
        (GeneratorDriverRunResult shipped, _) = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas());

        Diagnostic diagnostic = Assert.Single(await AnalyzerHarness.Analyze(schemas));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(json.IndexOf(token, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Equal("/zz/acme.tsm.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            shipped.Results.Single().GeneratedSources.Select(static s => (s.HintName, s.SourceText.ToString())),
            result.Results.Single().GeneratedSources.Select(static s => (s.HintName, s.SourceText.ToString())));
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void A_file_that_is_not_generated_leaves_its_other_type_names_to_later_files()
    {
        const string Registers = "\"device\": { \"sysfs\": \"/sys/acme\" }, \"registers\": [ { \"name\": \"m\", \"hash\": \"sha256\", \"flags\": [\"readable\"] } ]";
        const string Shared = ", \"reports\": [ { \"name\": \"shared\", \"size\": 8, \"fields\": [ { \"name\": \"f\", \"offset\": 0, \"size\": 8, \"type\": \"u64\" } ] } ]";
        AdditionalText[] schemas =
        {
            GeneratorHarness.Schema("/p/a.tsm.json", "{ \"vendor\": \"acme\", \"displayName\": \"A\", " + Registers + " }"),
            GeneratorHarness.Schema("/p/b.tsm.json", "{ \"vendor\": \"acme\", \"displayName\": \"B\", " + Registers + Shared + " }"),
            GeneratorHarness.Schema("/p/c.tsm.json", "{ \"vendor\": \"other\", \"displayName\": \"C\", " + Registers + Shared + " }"),
        };

        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(schemas);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "Acme.g.cs", "Other.Shared.g.cs", "Other.g.cs", "TsmCatalog.g.cs" }, result.Results.Single().GeneratedSources.Select(static s => s.HintName).Order(StringComparer.Ordinal));
        Assert.Contains("\"A\"", result.Results.Single().GeneratedSources.Single(static s => s.HintName == "Acme.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void A_broken_schema_whose_class_another_schema_generates_as_a_report_gets_no_placeholder()
    {
        AdditionalText broken = GeneratorHarness.Schema("/zz/td-report.tsm.json", """{ "vendor": "td-report", "displayName": 1, "device": { "sysfs": "/sys/acme" }, "registers": [] }""");
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas().Append(broken));

        Assert.Equal("TSM0013", Assert.Single(result.Diagnostics).Id);
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, static s => s.HintName == "TdReport.g.cs");
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public async Task Every_problem_in_one_file_is_reported_in_one_pass()
    {
        string json = ValidHead + """

              "registers": [
                { "name": "a/b", "hash": "sha256", "flags": ["readable"] },
                { "name": "c", "hash": "md5", "flags": ["readable"] },
                { "name": "d", "hash": "sha256", "flags": ["readable", "extendable"] }
              ]
            }
            """;
        AdditionalText[] schemas = { GeneratorHarness.Schema("/p/acme.tsm.json", json) };
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(schemas);
        ImmutableArray<Diagnostic> analyzerDiagnostics = await AnalyzerHarness.Analyze(schemas);

        Assert.Equal(new[] { "TSM0003", "TSM0004", "TSM0005" }, analyzerDiagnostics.Select(static d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains("md5", analyzerDiagnostics.Single(static d => d.Id == "TSM0004").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("TSM0013", Assert.Single(result.Diagnostics).Id);
        Assert.Equal("Acme.g.cs", Assert.Single(result.Results.Single().GeneratedSources).HintName);
    }

    [Fact]
    public async Task Files_not_marked_as_schemas_are_ignored()
    {
        AdditionalText other = GeneratorHarness.Schema("/p/appsettings.json", "{ not json");
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new TsmSchemaGenerator().AsSourceGenerator() },
            new[] { other },
            GeneratorHarness.ParseOptions,
            new TestOptionsProvider(new HashSet<string>(), new Dictionary<string, string>()));

        GeneratorDriverRunResult result = driver.RunGenerators(GeneratorHarness.Compilation("class A { }")).GetRunResult();

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Results.Single().GeneratedSources);
        Assert.Empty(await AnalyzerHarness.Analyze(Array.Empty<AdditionalText>(), new[] { other }));
    }
}
