using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// The <c>logical</c> section maps roles to registers. Every mistake in it is reported on its JSON token, with a
/// suggestion where one is likely, and the file is then not generated (a placeholder class and TSM0013 take its place),
/// so a broken section never produces C# that does not compile.
/// </summary>
public sealed class LogicalSectionDiagnosticsTests
{
    private const char Here = '↓';

    private const string Head = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
          "registers": [
            { "name": "rtmr", "count": 2, "hash": "sha256", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } },
            { "name": "static_mr", "hash": "sha256", "flags": ["readable"] },
            { "name": "agile", "aliasOf": "rtmr0", "hash": "sha256", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } }
          ],
        """;

    public static TheoryData<string, string, string> BrokenSections() => new()
    {
        { "\n  \"logical\": { ↓\"aplication\": { \"register\": \"rtmr1\", \"description\": \"d\" } }\n}", "TSM0002", "did you mean 'application'?" },
        { "\n  \"logical\": { \"application\": { ↓\"registr\": \"rtmr1\", \"description\": \"d\" } }\n}", "TSM0002", "did you mean 'register'?" },
        { "\n  \"logical\": { \"application\": ↓{ \"register\": \"rtmr1\" } }\n}", "TSM0003", "role 'application' is missing the required key 'description'" },
        { "\n  \"logical\": { \"application\": { \"register\": \"rtmr1\", \"description\": ↓\" \" } }\n}", "TSM0004", "cite the source" },
        { "\n  \"logical\": ↓[]\n}", "TSM0004", "'logical' must be a JSON object" },
        { "\n  \"logical\": { \"application\": { \"register\": ↓\"rtmr_1\", \"description\": \"d\" } }\n}", "TSM0014", "which this schema does not define; did you mean 'rtmr1'?" },
        { "\n  \"logical\": { \"application\": { \"register\": ↓\"static_mr\", \"description\": \"d\" } }\n}", "TSM0014", "which is not extendable" },
        { "\n  \"logical\": { \"application\": { \"register\": ↓\"agile\", \"description\": \"d\" } }\n}", "TSM0014", "an alias of 'rtmr0'" },
        { "\n  \"logical\": { \"application\": { \"register\": ↓\"rtmr1:sha256\", \"description\": \"d\" } }\n}", "TSM0014", "names one hash of register 'rtmr1'" },
        { "\n  \"logical\": {\n    \"os\": { \"register\": \"rtmr1\", \"description\": \"d\" },\n    \"application\": { \"register\": ↓\"rtmr1\", \"description\": \"d\" }\n  }\n}", "TSM0015", "Role 'application' maps to register 'rtmr1', which role 'os' already maps to" },
    };

    [Theory]
    [MemberData(nameof(BrokenSections))]
    public async Task A_broken_logical_section_is_reported_on_its_token_and_generates_a_placeholder_that_compiles(string markedTail, string id, string message)
    {
        string marked = Head + markedTail;
        int marker = marked.IndexOf(Here, StringComparison.Ordinal);
        string json = marked.Remove(marker, 1);
        int line = marked[..marker].Count(static c => c == '\n') + 1;
        int column = marker - (marked.LastIndexOf('\n', marker - 1) + 1) + 1;
        AdditionalText schema = GeneratorHarness.Schema("/project/acme.tsm.json", json);

        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.Analyze(new[] { schema });
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(new[] { schema }, "class Use { System.Type M() => typeof(Tsm.Vendors.Acme); }");

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal((line, column), (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Equal("TSM0013", Assert.Single(result.Diagnostics).Id);
        Assert.DoesNotContain(result.Results.Single().GeneratedSources, static s => s.HintName == "MeasurementPlatforms.g.cs");
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public async Task A_valid_logical_section_raises_nothing_and_maps_each_role_once()
    {
        string json = Head + """

              "logical": {
                "os": { "register": "rtmr0", "description": "d" },
                "application": { "register": "rtmr1", "description": "d" }
              }
            }
            """;
        AdditionalText schema = GeneratorHarness.Schema("/project/acme.tsm.json", json);

        Assert.Empty(await AnalyzerHarness.Analyze(new[] { schema }));
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(new[] { schema });

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.Errors(output));
        string source = result.Results.Single().GeneratedSources.Single(static s => s.HintName == "Acme.g.cs").SourceText.ToString();
        Assert.Contains("new global::Tsm.RoleMapping(global::Tsm.MeasurementRole.Os, \"rtmr0\", \"d\"),", source, StringComparison.Ordinal);
        Assert.Contains("public global::Tsm.ExtendableRegister<global::Tsm.Sha256Digest> Application => _device.Rtmr1;", source, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ReservedNames() => new()
    {
        { """{ "vendor": ↓"measurement-platforms", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ] }""", "TSM0005" },
        { """{ "vendor": ↓"tsm-catalog", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ] }""", "TSM0005" },
        { """{ "vendor": "acme", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ], "reports": [ { "name": "r", "typeName": ↓"MeasurementPlatforms", "size": 8, "fields": [ { "name": "f", "offset": 0, "size": 8, "type": "u64" } ] } ] }""", "TSM0007" },
        { """{ "vendor": ↓"logical-registers", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } } ], "logical": { "application": { "register": "m", "description": "d" } } }""", "TSM0005" },
        { """{ "vendor": "acme", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [ { "name": ↓"logical", "hash": "sha256", "flags": ["readable"] } ] }""", "TSM0012" },
        { """{ "vendor": "acme", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [ { "name": ↓"logical_registers", "hash": "sha256", "flags": ["readable"] } ] }""", "TSM0012" },
    };

    [Theory]
    [MemberData(nameof(ReservedNames))]
    public async Task Names_of_the_generated_logical_members_and_entry_point_are_reserved(string marked, string id)
    {
        int marker = marked.IndexOf(Here, StringComparison.Ordinal);
        AdditionalText schema = GeneratorHarness.Schema("/project/x.tsm.json", marked.Remove(marker, 1));

        Diagnostic diagnostic = Assert.Single(await AnalyzerHarness.Analyze(new[] { schema }));

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(marker, diagnostic.Location.SourceSpan.Start);
    }
}
