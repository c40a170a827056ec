using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// A broken schema never crashes the generator: <see cref="Diagnostics.SchemaFileAnalyzer"/> reports it on the exact
/// JSON token, the generator skips it (an empty placeholder class and one TSM0013 summary take its place, no
/// duplicates of the analyzer's errors), and every other schema still generates. The cross-file TSM0011 also comes
/// from the generator.
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
    public async Task Two_schemas_for_one_vendor_generate_the_first_and_report_the_second()
    {
        string tdx = File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "tdx.tsm.json"));
        AdditionalText copy = GeneratorHarness.Schema("/zz/copy/tdx.tsm.json", tdx);
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas().Append(copy).ToList();
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(schemas);

        // Cross-file, so the generator (which decides which file wins) reports it; each file alone is valid.
        Assert.Empty(await AnalyzerHarness.Analyze(schemas));

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TSM0011", diagnostic.Id);
        Assert.Equal("/zz/copy/tdx.tsm.json", diagnostic.Location.GetLineSpan().Path);
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
