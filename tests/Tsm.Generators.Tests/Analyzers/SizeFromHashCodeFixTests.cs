using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Tsm.Generators.CodeFixes.Json;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// TSM0006's fix edits the schema JSON (an additional document): the wrong size becomes the hash's digest size, and
/// nothing else in the file changes. Where no single size is right, no fix is offered. Run through
/// <see cref="AdditionalFileCodeFix"/> because Microsoft.CodeAnalysis.Testing 1.1.4 does not hand diagnostics in
/// additional files to code fixes.
/// </summary>
public sealed class SizeFromHashCodeFixTests
{
    private const string SchemaPath = "/0/acme.tsm.json";

    private const string Head = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
        """;

    [Theory]
    [InlineData("sha384", "32", "48")]
    [InlineData("sha256", "48", "32")]
    [InlineData("sha1", "32", "20")]
    [InlineData("sha3-512", "48", "64")]
    public async Task The_size_becomes_the_digest_size(string hash, string wrong, string right)
    {
        string Schema(string size) => Head + $$"""

              "registers": [
                { "name": "m", "hash": "{{hash}}", "size": {{size}}, "flags": ["readable"] }
              ]
            }
            """;

        await VerifyAsync(Schema("{|TSM0006:" + wrong + "|}"), Schema(right));
    }

    [Fact]
    public async Task A_register_array_gets_one_size_for_all_its_elements()
    {
        await VerifyAsync(
            Head + """

              "registers": [
                { "name": "rtmr", "count": 4, "hash": "sha384", "size": {|TSM0006:32|}, "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } }
              ]
            }
            """,
            Head + """

              "registers": [
                { "name": "rtmr", "count": 4, "hash": "sha384", "size": 48, "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } }
              ]
            }
            """);
    }

    [Fact]
    public async Task Banks_with_different_digest_sizes_get_no_fix()
    {
        // 32 is wrong for sha1 and right for sha256: no single value fixes the entry, so the diagnostic stays unfixed.
        string json = Head + """

              "registers": [
                { "name": "pcr", "count": 2, "banks": ["sha1", "sha256"], "size": {|TSM0006:32|}, "flags": ["readable"] }
              ]
            }
            """;

        await VerifyAsync(json, json);
    }

    [Fact]
    public void The_fix_is_offered_for_json_additional_documents()
    {
        ExportCodeFixProviderAttribute export = typeof(SizeFromHashCodeFix).GetCustomAttribute<ExportCodeFixProviderAttribute>()!;

        Assert.Equal(new[] { nameof(TextDocumentKind.AdditionalDocument) }, export.DocumentKinds);
        Assert.Equal(new[] { ".json" }, export.DocumentExtensions);
        Assert.Equal(new[] { DiagnosticIds.SizeDoesNotMatchHash }, new SizeFromHashCodeFix().FixableDiagnosticIds);
    }

    [Fact]
    public void The_diagnostic_carries_the_size_only_when_one_value_is_right()
    {
        IReadOnlyDictionary<string, string?> single = PropertiesOf(Head + """
              "registers": [ { "name": "m", "hash": "sha512", "size": 32, "flags": ["readable"] } ]
            }
            """);
        IReadOnlyDictionary<string, string?> sameSizedBanks = PropertiesOf(Head + """
              "registers": [ { "name": "m", "banks": ["sha384", "sha3-384"], "size": 32, "flags": ["readable"] } ]
            }
            """);
        IReadOnlyDictionary<string, string?> mixedBanks = PropertiesOf(Head + """
              "registers": [ { "name": "m", "banks": ["sha1", "sha256"], "size": 32, "flags": ["readable"] } ]
            }
            """);

        Assert.Equal("64", single[DiagnosticProperties.ExpectedSize]);
        Assert.Equal("48", sameSizedBanks[DiagnosticProperties.ExpectedSize]);
        Assert.False(mixedBanks.ContainsKey(DiagnosticProperties.ExpectedSize));
    }

    private static IReadOnlyDictionary<string, string?> PropertiesOf(string json)
    {
        SchemaResult result = SchemaParser.Parse(new SchemaInput(SchemaPath, json), CancellationToken.None);
        DiagnosticInfo info = Assert.Single(result.Diagnostics, static d => d.Id == DiagnosticIds.SizeDoesNotMatchHash);
        return info.ToDiagnostic().Properties;
    }

    private static Task VerifyAsync(string markedJson, string fixedJson) =>
        new AdditionalFileCodeFix(new SchemaFileAnalyzer(), new SizeFromHashCodeFix()).VerifyAsync(SchemaPath, markedJson, fixedJson);
}
