using Microsoft.CodeAnalysis;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// A broken <c>claimSets</c> entry gets exactly one diagnostic, on the JSON token that is wrong, with the schema IDs
/// the rest of the file uses, and the file is not generated. The reader is the one the generator and the schema
/// analyzer share, so it is run directly.
/// </summary>
public sealed class ClaimSetDiagnosticsTests
{
    private const string Head = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
          "registers": [
            { "name": "rim", "hashChoices": ["sha256", "sha512"], "flags": ["readable"] },
            { "name": "rem", "count": 2, "hash": "sha384", "flags": ["readable"] }
          ],
          "claimSets": [

        """;

    private const string Tail = "\n  ]\n}";

    /// <summary>Marks where the diagnostic must start: the test removes it and expects the diagnostic at its line and column.</summary>
    private const char Here = '↓';

    /// <summary>A claim set named <c>s</c> with these claims.</summary>
    private static string Set(string claims) => Head + """    { "name": "s", "claims": [ """ + claims + " ] }" + Tail;

    private const string Bytes = """{ "name": "b", "key": 1, "type": "bytes" }""";

    public static TheoryData<string, string> BrokenClaimSets() => new()
    {
        // TSM0002: keys the format does not have
        { Set("""{ "name": "b", "key": 1, "type": "bytes", ↓"endian": "big" }"""), "TSM0002" },
        { Head + """    { "name": "s", ↓"tag": 18, "claims": [ """ + Bytes + " ] }" + Tail, "TSM0002" },

        // TSM0003: required keys
        { Set("""↓{ "name": "b", "type": "bytes" }"""), "TSM0003" },
        { Head + """    ↓{ "name": "s" }""" + Tail, "TSM0003" },
        { Set("""↓{ "name": "list", "key": 1, "type": "claim-set-array" }"""), "TSM0003" },

        // TSM0004: values
        { Set("""{ "name": "b", "key": 1, "type": ↓"float" }"""), "TSM0004" },
        { Set("""{ "name": "b", "key": ↓"10", "type": "bytes" }"""), "TSM0004" },
        { Set("""{ "name": "b", "key": ↓1.5, "type": "bytes" }"""), "TSM0004" },
        { Set("""{ "name": "t", "key": 1, "type": "text", "size": ↓64 }"""), "TSM0004" },
        { Set("""{ "name": "b", "key": 1, "type": "bytes", "size": ↓0 }"""), "TSM0004" },
        { Set("""{ "name": "b", "key": 1, "type": "bytes", "optional": ↓"yes" }"""), "TSM0004" },
        { Set("""{ "name": "b", "key": 1, "type": "bytes", "claimSet": ↓"s" }"""), "TSM0004" },
        { Set("""{ "name": "list", "key": 1, "type": "claim-set-array", "claimSet": ↓"nowhere" }"""), "TSM0004" },
        { Set("""{ "name": "list", "key": 1, "type": "claim-set-array", "claimSet": ↓"s" }"""), "TSM0004" },
        { Set("""{ "name": "n", "key": 1, "type": "integer", "register": ↓"rim" }"""), "TSM0004" },
        { Set("""{ "name": "b", "key": 1, "type": "bytes", "size": ↓32, "register": "rim" }"""), "TSM0004" },
        { Set("""{ "name": "b", "key": 1, "type": "bytes-array", "register": ↓"rim" }"""), "TSM0004" },
        { Set("""{ "name": "b", "key": 1, "type": "bytes", "register": ↓"rem" }"""), "TSM0004" },
        { Head + """    { "name": "s", "claims": ↓[] }""" + Tail, "TSM0004" },

        // TSM0005: names
        { Set("""{ "name": ↓"Challenge", "key": 1, "type": "bytes" }"""), "TSM0005" },
        { Set("""{ "name": "b", "propertyName": ↓"bytes", "key": 1, "type": "bytes" }"""), "TSM0005" },
        { Set("""{ "name": "b", "propertyName": ↓"Parse", "key": 1, "type": "bytes" }"""), "TSM0005" },
        { Set("""{ "name": "b", "propertyName": ↓"S", "key": 1, "type": "bytes" }"""), "TSM0005" },
        { Head + """    { "name": ↓"realm-claims", "claims": [ """ + Bytes + " ] }" + Tail, "TSM0005" },
        { Head + """    { "name": "s", "typeName": ↓"Realm.Claims", "claims": [ """ + Bytes + " ] }" + Tail, "TSM0005" },

        // TSM0007: uniqueness
        { Set(Bytes + """, { "name": ↓"b", "key": 2, "type": "bytes" }"""), "TSM0007" },
        { Set(Bytes + """, { "name": "c", "key": ↓1, "type": "text" }"""), "TSM0007" },
        { Set(Bytes + """, { "name": "c", "propertyName": ↓"B", "key": 2, "type": "text" }"""), "TSM0007" },
        { Head + """    { "name": "s", "claims": [ """ + Bytes + """ ] }, { "name": ↓"s", "claims": [ """ + Bytes + " ] }" + Tail, "TSM0007" },
        { Head + """    { "name": "s", "typeName": ↓"Acme", "claims": [ """ + Bytes + " ] }" + Tail, "TSM0007" },
        { Head + """    { "name": "s", "typeName": ↓"TsmCatalog", "claims": [ """ + Bytes + " ] }" + Tail, "TSM0007" },

        // TSM0008: registers that do not exist
        { Set("""{ "name": "b", "key": 1, "type": "bytes", "register": ↓"mrtd" }"""), "TSM0008" },
    };

    [Theory]
    [MemberData(nameof(BrokenClaimSets))]
    public void A_broken_claim_set_is_reported_once_at_its_json_token_and_not_generated(string markedJson, string id)
    {
        int marker = markedJson.IndexOf(Here, StringComparison.Ordinal);
        string json = markedJson.Remove(marker, 1);
        int line = markedJson[..marker].Count(static c => c == '\n') + 1;
        int column = marker - (markedJson.LastIndexOf('\n', Math.Max(0, marker - 1)) + 1) + 1;

        SchemaResult result = SchemaParser.Parse(new SchemaInput("/project/acme.tsm.json", json), CancellationToken.None);

        Assert.Null(result.Spec);
        Diagnostic diagnostic = Assert.Single(result.Diagnostics.Select(static d => d.ToDiagnostic()));
        Assert.Equal(id, diagnostic.Id);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    [Fact]
    public void A_register_link_gives_the_claim_the_registers_lengths_value_type_and_count()
    {
        string json = Set("""
            { "name": "rim", "key": 1, "type": "bytes", "register": "rim" },
            { "name": "rem1", "key": 2, "type": "bytes", "register": "rem1" },
            { "name": "rems", "key": 3, "type": "bytes-array", "register": "rem", "optional": true }
            """);

        VendorSpec spec = SchemaParser.Parse(new SchemaInput("/p/acme.tsm.json", json), CancellationToken.None).Spec!;

        ClaimSpec[] claims = spec.ClaimSets.Single().Claims.ToArray();
        Assert.Equal("rim: - 32,64 x0", Describe(claims[0]));
        Assert.Equal("rem1: Sha384Digest 48 x0", Describe(claims[1]));
        Assert.Equal("rem: Sha384Digest 48 x2", Describe(claims[2]));
        Assert.True(claims[2].Optional);

        static string Describe(ClaimSpec claim) =>
            $"{claim.Register!.Name}: {claim.Register.ValueType ?? "-"} {string.Join(",", claim.Register.Sizes)} x{claim.Register.Count}";
    }

    [Fact]
    public void Claim_set_models_parsed_twice_are_equal_so_the_pipeline_can_cache_them()
    {
        string json = File.ReadAllText(Path.Combine(Infrastructure.RepositoryPaths.Schemas, "arm-cca.tsm.json"));

        VendorSpec first = SchemaParser.Parse(new SchemaInput("/a/arm-cca.tsm.json", json), CancellationToken.None).Spec!;
        VendorSpec second = SchemaParser.Parse(new SchemaInput("/a/arm-cca.tsm.json", json), CancellationToken.None).Spec!;

        Assert.Equal(3, first.ClaimSets.Count);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }
}
