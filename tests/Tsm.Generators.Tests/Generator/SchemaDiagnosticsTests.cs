using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// A broken schema never crashes the generator: it gets a diagnostic on the exact JSON token, and every other schema
/// still generates.
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
    };

    [Theory]
    [MemberData(nameof(BrokenSchemas))]
    public void A_broken_schema_is_reported_at_its_json_token_and_the_others_still_generate(string markedJson, string id)
    {
        int marker = markedJson.IndexOf(Here, StringComparison.Ordinal);
        string json = markedJson.Remove(marker, 1);
        int line = markedJson[..marker].Count(static c => c == '\n') + 1;
        int column = marker - (markedJson.LastIndexOf('\n', Math.Max(0, marker - 1)) + 1) + 1;
        AdditionalText broken = GeneratorHarness.Schema("/project/broken.tsm.json", json);
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas().Append(broken));

        Assert.Null(result.Results.Single().Exception);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id == id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/project/broken.tsm.json", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        Assert.All(result.Diagnostics, d => Assert.Equal("/project/broken.tsm.json", d.Location.GetLineSpan().Path));
        Assert.Equal(5, result.Results.Single().GeneratedSources.Count(static s => s.HintName.Split('.').Length == 3));
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void Two_schemas_for_one_vendor_generate_the_first_and_report_the_second()
    {
        string tdx = File.ReadAllText(Path.Combine(RepositoryPaths.Schemas, "tdx.tsm.json"));
        AdditionalText copy = GeneratorHarness.Schema("/zz/copy/tdx.tsm.json", tdx);
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.ShippedSchemas().Append(copy));

        Diagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("TSM0011", diagnostic.Id);
        Assert.Equal("/zz/copy/tdx.tsm.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public void Every_problem_in_one_file_is_reported_in_one_pass()
    {
        string json = ValidHead + """

              "registers": [
                { "name": "a/b", "hash": "sha256", "flags": ["readable"] },
                { "name": "c", "hash": "md5", "flags": ["readable"] },
                { "name": "d", "hash": "sha256", "flags": ["readable", "extendable"] }
              ]
            }
            """;
        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(new[] { GeneratorHarness.Schema("/p/acme.tsm.json", json) });

        Assert.Equal(new[] { "TSM0003", "TSM0004", "TSM0005" }, result.Diagnostics.Select(static d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains("md5", result.Diagnostics.Single(static d => d.Id == "TSM0004").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Files_not_marked_as_schemas_are_ignored()
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
    }
}
