using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// A layout whose names would generate broken C# is a schema error on the JSON token, never a crash or a silently
/// lost property: report type names are unique and not the vendor class, and a field's property clashes neither with
/// another field's, nor with the members every view has, nor with another field's derived <c>{P}Offset</c>/<c>Has{P}</c>,
/// nor with the view's own type.
/// </summary>
public sealed class ReportNameCollisionTests
{
    private const string Head = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
          "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ],
        """;

    private const char Here = '↓';

    public static TheoryData<string, string> Collisions() => new()
    {
        { """ "reports": [ { "name": "a", "typeName": "Evidence", "size": 8, "fields": [] }, { "name": "b", "typeName": ↓"Evidence", "size": 8, "fields": [] } ] """, "TSM0007" },
        { """ "reports": [ { "name": ↓"acme", "size": 8, "fields": [] } ] """, "TSM0007" },
        { """ "reports": [ { "name": "r", "typeName": ↓"TsmCatalog", "size": 8, "fields": [] } ] """, "TSM0007" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": "a", "propertyName": "Value", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "propertyName": ↓"Value", "offset": 4, "size": 4, "type": "u32" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": ↓"bytes", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": "x", "propertyName": ↓"ToString", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": "x", "propertyName": ↓"VisitFields", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": "a", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "propertyName": ↓"AOffset", "offset": 4, "size": 4, "type": "u32" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": "x", "propertyName": ↓"R", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": ↓"data", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": ↓"throw_invalid", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": "x", "propertyName": ↓"RequireParsed", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": ↓"is_valid", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": ↓"validate", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": ↓"diagnose", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
        { """ "reports": [ { "name": "r", "size": 8, "fields": [ { "name": "x", "propertyName": ↓"Proven", "offset": 0, "size": 8, "type": "u64" } ] } ] """, "TSM0012" },
    };

    [Theory]
    [MemberData(nameof(Collisions))]
    public async Task A_name_that_would_clash_in_csharp_is_reported_at_its_token_and_generates_nothing_broken(string markedReports, string id)
    {
        string marked = Head + markedReports + "\n}";
        int marker = marked.IndexOf(Here, StringComparison.Ordinal);
        string json = marked.Remove(marker, 1);
        AdditionalText[] schemas = { GeneratorHarness.Schema("/p/acme.tsm.json", json) };

        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.Analyze(schemas);
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(schemas);

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(marker, diagnostic.Location.SourceSpan.Start);
        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(GeneratorHarness.Errors(output));
    }

    [Fact]
    public async Task Variants_of_one_field_share_their_property_without_a_clash()
    {
        string json = Head + """
             "reports": [ { "name": "r", "size": 16, "fields": [
               { "name": "kind", "offset": 0, "size": 4, "type": "u32" },
               { "name": "value", "offset": 8, "size": 4, "type": "u32", "when": { "field": "kind", "equals": 1 } },
               { "name": "value", "offset": 12, "size": 4, "type": "u32", "when": { "field": "kind", "equals": 2 } }
             ] } ]
            }
            """;
        AdditionalText[] schemas = { GeneratorHarness.Schema("/p/acme.tsm.json", json) };

        Assert.Empty(await AnalyzerHarness.Analyze(schemas));
    }
}
