using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// <see cref="SchemaFileAnalyzer"/> through Microsoft.CodeAnalysis.Testing, as the IDE and <c>dotnet build</c> run it:
/// the expected diagnostic is markup inside the JSON additional file (<c>{|TSM0006:32|}</c>), so each test states the
/// exact token, start and end, that the squiggle covers.
/// </summary>
public sealed class SchemaFileAnalyzerTests
{
    private const string SchemaPath = "/0/acme.tsm.json";

    private const string Head = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
        """;

    public static TheoryData<string, string> OneProblemPerRule() => new()
    {
        { "TSM0001", """{ "vendor": "acme", {|TSM0001:|}}""" },
        { "TSM0002", Head + """

              "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"], {|TSM0002:"colour"|}: 1 } ]
            }
            """ },
        { "TSM0003", """
            {
              "vendor": "acme",
              "device": { "sysfs": "/x" },
              "registers": []
            }
            """ },
        { "TSM0004", Head + """

              "registers": [ { "name": "m", "hash": "sha256", "flags": [{|TSM0004:"writable"|}] } ]
            }
            """ },
        { "TSM0005", Head + """

              "registers": [ { "name": {|TSM0005:"../m"|}, "hash": "sha256", "flags": ["readable"] } ]
            }
            """ },
        { "TSM0006", Head + """

              "registers": [ { "name": "m", "hash": "sha384", "size": {|TSM0006:32|}, "flags": ["readable"] } ]
            }
            """ },
        { "TSM0007", Head + """

              "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ],
              "reports": [
                { "name": "r", "size": 16, "fields": [
                  { "name": "f", "offset": 0, "size": 4, "type": "u32" },
                  { "name": {|TSM0007:"f"|}, "offset": 4, "size": 4, "type": "u32" }
                ] }
              ]
            }
            """ },
        { "TSM0008", Head + """

              "registers": [ { "name": "m", "aliasOf": {|TSM0008:"nope"|}, "hash": "sha256", "flags": ["readable"] } ]
            }
            """ },
        { "TSM0009", Head + """

              "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ],
              "reports": [ { "name": "r", "size": 16, "fields": [ { "name": {|TSM0009:"f"|}, "offset": 12, "size": 8, "type": "u64" } ] } ]
            }
            """ },
        { "TSM0010", Head + """

              "registers": [ { "name": {|TSM0010:"m"|}, "hash": "none", "size": 20, "flags": ["readable"] } ]
            }
            """ },
        { "TSM0012", Head + """

              "registers": [ { "name": {|TSM0012:"registers"|}, "hash": "sha256", "flags": ["readable"] } ]
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(OneProblemPerRule))]
    public async Task Each_rule_is_reported_on_its_json_token(string id, string markedJson)
    {
        var test = NewTest(markedJson);
        if (id == DiagnosticIds.MissingKey)
        {
            // TSM0003 sits on the object's opening brace; markup around a lone '{' would read as markup itself.
            test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticCatalog.Find(id)).WithSpan(SchemaPath, 1, 1, 1, 2).WithArguments("displayName", "the schema"));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task Every_problem_in_one_file_is_reported()
    {
        var test = NewTest(Head + """

              "registers": [
                { "name": {|TSM0005:"a/b"|}, "hash": "sha256", "flags": ["readable"] },
                { "name": "c", "hash": {|TSM0004:"md5"|}, "flags": ["readable"] },
                { "name": "d", "hash": "sha256", "flags": ["readable", "extendable"] }
              ]
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.MissingKey).WithSpan(SchemaPath, 8, 5, 8, 6).WithArguments("extend", "a register"));

        await test.RunAsync();
    }

    [Fact]
    public async Task The_message_names_the_sizes()
    {
        var test = NewTest(Head + """

              "registers": [ { "name": "rtmr", "hash": "sha384", "size": {|#0:32|}, "flags": ["readable"] } ]
            }
            """);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.SizeDoesNotMatchHash).WithLocation(0).WithArguments("rtmr", "32", "sha384", "48"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_valid_schema_has_no_diagnostics()
    {
        await NewTest(Head + """

              "registers": [ { "name": "m", "hash": "sha384", "size": 48, "flags": ["readable"] } ]
            }
            """).RunAsync();
    }

    [Fact]
    public async Task The_shipped_schemas_have_no_diagnostics()
    {
        var test = new CSharpAnalyzerTest<SchemaFileAnalyzer, DefaultVerifier>();
        SchemaAnalyzerTesting.Configure(test);
        test.TestState.MarkupHandling = MarkupMode.None;
        var paths = new List<string>();
        foreach (string file in RepositoryPaths.ShippedSchemas())
        {
            string path = "/0/" + Path.GetFileName(file);
            paths.Add(path);
            test.TestState.AdditionalFiles.Add((path, File.ReadAllText(file)));
        }

        test.TestState.AnalyzerConfigFiles.Add((SchemaAnalyzerTesting.GlobalConfigPath, SchemaAnalyzerTesting.MarkAsSchemas(paths.ToArray())));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_file_not_marked_as_a_schema_gets_no_diagnostics()
    {
        var test = new CSharpAnalyzerTest<SchemaFileAnalyzer, DefaultVerifier>();
        SchemaAnalyzerTesting.Configure(test);
        test.TestState.MarkupHandling = MarkupMode.None;
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ not json"));
        test.TestState.AdditionalFiles.Add(("/0/other.tsm.json", "{ \"vendor\": \"acme\", }"));
        test.TestState.AnalyzerConfigFiles.Add((SchemaAnalyzerTesting.GlobalConfigPath, "is_global = true\n\n[/0/other.tsm.json]\nbuild_metadata.AdditionalFiles.TsmSchema = false\n"));

        await test.RunAsync();
    }

    [Fact]
    public void Supports_every_schema_rule_and_no_usage_rule()
    {
        var ids = new SchemaFileAnalyzer().SupportedDiagnostics.Select(static d => d.Id).ToList();

        Assert.Equal(DiagnosticCatalog.All.Select(static d => d.Id).Where(static id => id.StartsWith("TSM0", StringComparison.Ordinal)), ids);
        Assert.Contains(DiagnosticIds.SizeDoesNotMatchHash, ids);
        Assert.DoesNotContain(ids, static id => string.CompareOrdinal(id, "TSM1000") >= 0);
    }

    private static CSharpAnalyzerTest<SchemaFileAnalyzer, DefaultVerifier> NewTest(string markedJson)
    {
        var test = new CSharpAnalyzerTest<SchemaFileAnalyzer, DefaultVerifier>();
        SchemaAnalyzerTesting.Configure(test);
        test.TestState.AdditionalFiles.Add((SchemaPath, markedJson));
        test.TestState.AnalyzerConfigFiles.Add((SchemaAnalyzerTesting.GlobalConfigPath, SchemaAnalyzerTesting.MarkAsSchemas(SchemaPath)));
        return test;
    }
}
