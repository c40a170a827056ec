using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// One mistake in a schema gives one error, and the build shows it first: a typo is one TSM0002 with a suggestion, a
/// dropped register is not reported again where it is referenced, and code that uses the broken vendor class gets
/// one "no member" error per use instead of a wall of "type not found", because an empty placeholder class and a
/// TSM0013 naming the first schema error take the generated class's place.
/// </summary>
public sealed class SchemaErrorCascadeTests
{
    private const string Head = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
        """;

    [Fact]
    public async Task A_mistyped_key_is_one_error_that_suggests_the_key_it_meant()
    {
        AdditionalText[] schemas = { GeneratorHarness.Schema("/p/acme.tsm.json", Head + """

              "registers": [ { "name": "pmr", "hashh": "sha384", "flags": ["readable"] } ]
            }
            """) };

        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.Analyze(schemas);

        Diagnostic typo = Assert.Single(diagnostics);
        Assert.Equal("TSM0002", typo.Id);
        Assert.EndsWith("did you mean 'hash'?", typo.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_is_not_close_to_any_gets_no_suggestion()
    {
        AdditionalText[] schemas = { GeneratorHarness.Schema("/p/acme.tsm.json", Head + """

              "registers": [ { "name": "pmr", "hash": "sha384", "colour": "red", "flags": ["readable"] } ]
            }
            """) };

        Diagnostic unknown = Assert.Single(await AnalyzerHarness.Analyze(schemas));

        Assert.Equal("TSM0002", unknown.Id);
        Assert.DoesNotContain("did you mean", unknown.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_hash_is_not_reported_again_where_a_report_field_an_alias_or_a_refresh_uses_the_register()
    {
        AdditionalText[] schemas = { GeneratorHarness.Schema("/p/acme.tsm.json", Head + """

              "registers": [
                { "name": "rmr", "count": 2, "hash": "sha999", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } },
                { "name": "agile", "aliasOf": "rmr1", "flags": ["readable"] },
                { "name": "digest", "hash": "sha512", "flags": ["readable", "live"], "refresh": { "hash": "sha512", "of": ["rmr0:sha999"] } }
              ],
              "reports": [ { "name": "acmereport", "size": 48, "fields": [ { "name": "rmr0", "offset": 0, "size": 48, "type": "digest", "hash": "sha384", "register": "rmr0" } ] } ]
            }
            """) };

        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.Analyze(schemas);

        Assert.Equal(["TSM0004"], diagnostics.Select(static d => d.Id));
    }

    [Fact]
    public async Task A_schema_path_that_names_no_file_is_left_to_the_compiler()
    {
        AdditionalText missing = new MissingText("/p/typo.tsm.json");

        (GeneratorDriverRunResult result, _) = GeneratorHarness.Run(new[] { missing });

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Results.Single().GeneratedSources);
        Assert.Empty(await AnalyzerHarness.Analyze(new[] { missing }));
    }

    [Fact]
    public void Code_using_a_broken_vendor_gets_the_schema_error_first_and_one_error_per_member_use()
    {
        AdditionalText broken = GeneratorHarness.Schema("/p/acme.tsm.json", Head + """

              "registers": [
                { "name": "pmr", "hashh": "sha384", "flags": ["readable"] },
                { "name": "ok", "hash": "sha256", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } }
              ]
            }
            """);
        const string Consumer = """
            using Tsm;
            using Tsm.Vendors;

            static class App
            {
                static void Main()
                {
                    using Acme acme = Acme.Open(TsmBackend.Emulated());
                    acme.Ok.Extend(Sha256Digest.Compute(new byte[] { 1 }));
                    System.Console.WriteLine(acme.Pmr.Read());
                }
            }
            """;

        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(new[] { broken }, Consumer);

        Diagnostic summary = Assert.Single(result.Diagnostics);
        Assert.Equal("TSM0013", summary.Id);
        Assert.Equal("/p/acme.tsm.json", summary.Location.GetLineSpan().Path);
        Assert.StartsWith(
            "acme.tsm.json has 1 schema error(s), so class Acme is an empty placeholder; the first, at (6,22): TSM0002: 'hashh' is not a key of a register",
            summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal);
        Assert.Equal(["CS1061", "CS1061"], GeneratorHarness.Errors(output).Select(static d => d.Id));
    }

    [Fact]
    public void A_broken_copy_of_a_valid_vendor_adds_no_placeholder_that_would_collide()
    {
        AdditionalText broken = GeneratorHarness.Schema("/zz/tdx.tsm.json", "{ \"vendor\": \"tdx\", \"displayName\": 1 }");
        IReadOnlyList<AdditionalText> schemas = GeneratorHarness.ShippedSchemas().Append(broken).ToList();

        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(schemas);

        Assert.Equal("TSM0013", Assert.Single(result.Diagnostics).Id);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    private sealed class MissingText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(CancellationToken cancellationToken = default) => null;
    }
}
