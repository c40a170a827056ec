using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Tsm.Generators.Tests.Schemas;

/// <summary>
/// <c>schemas/tsm-vendor.schema.json</c> is the machine-readable form of <c>docs/schema.md</c>. These tests pin it down:
/// it is a valid JSON Schema 2020-12 document, every shipped <c>schemas/*.tsm.json</c> passes it, and each rule of
/// docs/schema.md rejects a file that breaks it, at the place the rule is about.
/// </summary>
public sealed class VendorSchemaValidationTests
{
    private const string SchemaFileName = "tsm-vendor.schema.json";

    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

    private static string SchemasDirectory => Path.Combine(RepoRoot.Value, "schemas");

    // ------------------------------------------------------------------------------------------------------------
    // The JSON Schema itself

    [Fact]
    public void The_vendor_schema_is_a_valid_draft_2020_12_schema()
    {
        using JsonDocument schemaDocument = ParseStrict(File.ReadAllText(Path.Combine(SchemasDirectory, SchemaFileName)));

        EvaluationResults results = MetaSchemas.Draft202012.Evaluate(schemaDocument.RootElement, VendorJsonSchema.HierarchicalOutput());

        Assert.True(results.IsValid, "tsm-vendor.schema.json is not a valid 2020-12 schema:\n" + VendorJsonSchema.Describe(results));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schemaDocument.RootElement.GetProperty("$schema").GetString());
        Assert.True(Uri.IsWellFormedUriString(schemaDocument.RootElement.GetProperty("$id").GetString(), UriKind.Absolute), "$id must be an absolute URI");
    }

    [Fact]
    public void A_minimal_file_with_one_register_is_valid()
    {
        // The broken files below are small edits of documents like this one; if this fails, they prove nothing.
        AssertValid(WithRegisters("""[{ "name": "mr", "hash": "sha256", "flags": ["readable"] }]"""));
        AssertValid(WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""));
    }

    [Fact]
    public void A_file_using_every_feature_is_valid()
    {
        AssertValid("""
            {
              "$schema": "./tsm-vendor.schema.json",
              "vendor": "every-feature2",
              "displayName": "Every feature",
              "description": "d",
              "sources": ["s"],
              "device": { "sysfs": "/sys/class/misc/x/measurements", "fileName": "{array}-{hash}/{index}", "noHashFileName": "{name}.bin", "encoding": "binary" },
              "registers": [
                { "name": "fixed", "hash": "sha3-384", "size": 48, "flags": ["readable"], "ccMrIndex": 0, "pcrs": [0], "initial": "name" },
                { "name": "opaque", "hash": "none", "size": 4096, "flags": ["readable"] },
                { "name": "rt", "hash": "sm3", "flags": ["readable", "extendable", "live"], "extend": { "rule": "hash-concat", "inputSize": 32 },
                  "count": 64, "elements": [{ "index": 63, "description": "last", "ccMrIndex": 255, "pcrs": [23], "initial": "ones" }] },
                { "name": "agile", "hashChoices": ["sha256", "sha512"], "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } },
                { "name": "bank", "banks": ["sha1"], "flags": ["readable"], "count": 1 },
                { "name": "alias", "aliasOf": "rt0", "flags": ["readable"] },
                { "name": "alias", "aliasOf": "fixed:sha3-384", "hash": "sha384", "flags": ["readable"] },
                { "name": "digest", "hash": "sha224", "size": 28, "flags": ["live"], "refresh": { "hash": "sha1", "of": ["fixed", "alias:sha384"] } }
              ],
              "logical": { "application": { "register": "rt63", "description": "d" } },
              "reports": [
                {
                  "name": "every_report", "typeName": "EveryReport", "description": "d", "size": 136, "versionField": "v",
                  "checks": [{ "field": "v", "oneOf": [1, 2] }, { "field": "w", "equals": 0 }],
                  "fields": [
                    { "name": "v", "offset": 0, "size": 1, "type": "u8" },
                    { "name": "w", "offset": 2, "size": 2, "type": "u16", "versions": [2] },
                    { "name": "x", "offset": 4, "size": 4, "type": "u32" },
                    { "name": "y", "offset": 8, "size": 8, "type": "u64" },
                    { "name": "b", "offset": 16, "size": 16, "type": "bytes", "register": "opaque" },
                    { "name": "d", "offset": 32, "size": 48, "type": "digest", "hash": "sha384", "register": "rt3" },
                    { "name": "o", "offset": 80, "size": 40, "type": "opaque", "description": "signature" },
                    { "name": "f1", "offset": 120, "size": 1, "type": "flags", "bits": { "a": 0, "b_2": 7 } },
                    { "name": "f2", "offset": 122, "size": 2, "type": "flags", "bits": { "c": 15 } },
                    { "name": "f8", "offset": 128, "size": 8, "type": "flags", "bits": { "top": 63 } }
                  ]
                }
              ]
            }
            """);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The shipped vendor files

    /// <summary>The vendor files that must ship: one per platform Tsm supports (TDX, SEV-SNP, Arm CCA, TPM, the kernel's tsm-mr sample).</summary>
    [Theory]
    [InlineData("tdx.tsm.json")]
    [InlineData("sev-snp.tsm.json")]
    [InlineData("arm-cca.tsm.json")]
    [InlineData("tpm.tsm.json")]
    [InlineData("tsm-mr-sample.tsm.json")]
    public void Each_platform_has_a_vendor_file(string fileName)
    {
        Assert.True(File.Exists(Path.Combine(SchemasDirectory, fileName)), $"schemas/{fileName} is missing");
    }

    public static TheoryData<string> VendorFiles()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(FindRepoRoot(), "schemas"), "*.tsm.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VendorFiles))]
    public void Vendor_file_validates_against_the_vendor_schema(string fileName)
    {
        AssertValid(File.ReadAllText(Path.Combine(SchemasDirectory, fileName)), fileName);
    }

    [Theory]
    [MemberData(nameof(VendorFiles))]
    public void Vendor_file_points_editors_at_the_schema_and_is_named_after_its_vendor(string fileName)
    {
        using JsonDocument document = ParseStrict(File.ReadAllText(Path.Combine(SchemasDirectory, fileName)));
        JsonElement root = document.RootElement;

        Assert.Equal("$schema", root.EnumerateObject().First().Name);
        Assert.Equal("./" + SchemaFileName, root.GetProperty("$schema").GetString());
        Assert.Equal(root.GetProperty("vendor").GetString() + ".tsm.json", fileName);
    }

    /// <summary>
    /// What docs/schema.md requires but JSON Schema cannot say (cross-references, uniqueness, arithmetic on offsets).
    /// The generator reports these as diagnostics; the shipped files must not trigger any.
    /// </summary>
    [Theory]
    [MemberData(nameof(VendorFiles))]
    public void Vendor_file_keeps_the_rules_json_schema_cannot_express(string fileName)
    {
        using JsonDocument document = ParseStrict(File.ReadAllText(Path.Combine(SchemasDirectory, fileName)));

        List<string> problems = CrossReferenceRules.Check(document.RootElement);

        Assert.True(problems.Count == 0, fileName + ":\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// The rule checker above must not be a test that cannot fail. Each document is valid against the JSON Schema (so only
    /// the cross-key rules can catch it) and breaks exactly one rule; the problem reported must say which.
    /// Why the file is broken → (the file, a fragment of the problem that must be reported).
    /// </summary>
    private static readonly Dictionary<string, (string Json, string Problem)> BrokenAcrossKeys = new()
    {
        // Registers
        ["two registers with one name"] = (
            WithRegisters("""[{ "name": "a", "hash": "sha256", "flags": [] }, { "name": "a", "hash": "sha256", "flags": [] }]"""),
            "register 'a:sha256' is defined 2 times"),
        ["an array element that clashes with a register"] = (
            WithRegisters("""[{ "name": "a", "hash": "sha256", "flags": [], "count": 2 }, { "name": "a1", "hash": "sha256", "flags": [] }]"""),
            "register 'a1:sha256' is defined 2 times"),
        ["an element index not below count"] = (
            WithRegisters("""[{ "name": "a", "hash": "sha256", "flags": [], "count": 2, "elements": [{ "index": 2 }] }]"""),
            "/registers/0/elements/0/index: index 2 is not below count 2"),
        ["an element index listed twice"] = (
            WithRegisters("""[{ "name": "a", "hash": "sha256", "flags": [], "count": 2, "elements": [{ "index": 1 }, { "index": 1 }] }]"""),
            "/registers/0/elements/1/index: index 1 is listed twice"),
        ["aliasOf a missing register"] = (
            WithRegisters("""[{ "name": "a", "aliasOf": "missing", "hash": "sha256", "flags": [] }]"""),
            "/registers/0/aliasOf: 'missing' is not a register"),
        ["an alias of another size"] = (
            WithRegisters("""[{ "name": "a", "hash": "sha256", "flags": [] }, { "name": "b", "aliasOf": "a", "hash": "sha384", "flags": [] }]"""),
            "/registers/1/aliasOf: alias 'b:sha384' is 48 bytes"),
        ["refresh of a missing register"] = (
            WithRegisters("""[{ "name": "a", "hash": "sha256", "flags": ["live"], "refresh": { "hash": "sha256", "of": ["b"] } }]"""),
            "/registers/0/refresh/of/0: 'b' is not a register"),

        // Fields at fixed places
        ["a field outside the layout"] = (
            WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 4, "size": 8, "type": "u64" }] }]"""),
            "/reports/0/fields/0/name: 'f' ends at 12, outside the 8-byte layout"),
        ["overlapping fields"] = (
            WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 4, "type": "u32" }, { "name": "g", "offset": 2, "size": 2, "type": "u16" }] }]"""),
            "/reports/0/fields/1: 'g' [2, 4) can overlap 'f' [0, 4)"),
        ["a repeated field name without when"] = (
            WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 4, "type": "u32" }, { "name": "f", "offset": 4, "size": 4, "type": "u32" }] }]"""),
            "/reports/0/fields/1/name: field name 'f' is used 2 times; variants need a 'when' on the same field"),
        ["a field linked to a missing register"] = (
            WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "bytes", "register": "nope" }] }]"""),
            "/reports/0/fields/0/register: 'nope' is not a register"),
        ["a field linked to a register of another size"] = (
            WithReports("""[{ "name": "r", "size": 64, "fields": [{ "name": "f", "offset": 0, "size": 48, "type": "bytes", "register": "mr" }] }]"""),
            "/reports/0/fields/0: 'f' is 48 bytes, register 'mr' is not"),
        ["a versionField that is not a field"] = (
            WithReports("""[{ "name": "r", "size": 8, "versionField": "v", "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""),
            "/reports/0/versionField: 'v' is not an always-present integer field"),
        ["a versionField that is present only sometimes"] = (
            WithReports("""[{ "name": "r", "size": 8, "versionField": "v", "fields": [{ "name": "k", "offset": 0, "size": 4, "type": "u32" }, { "name": "v", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "equals": 1 } }] }]"""),
            "/reports/0/versionField: 'v' is not an always-present integer field"),
        ["a check on a missing field"] = (
            WithReports("""[{ "name": "r", "size": 8, "checks": [{ "field": "v", "equals": 1 }], "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""),
            "/reports/0/checks/0/field: 'v' is not a field of the layout"),
        ["a check on a bytes field"] = (
            WithReports("""[{ "name": "r", "size": 8, "checks": [{ "field": "f", "equals": 1 }], "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "bytes" }] }]"""),
            "/reports/0/checks/0/field: 'f' is not an integer field"),

        // after, sizeFrom, when
        ["after naming a later field"] = (
            Layout("""{ "name": "a", "after": "b", "size": 4, "type": "u32" }, { "name": "b", "offset": 0, "size": 4, "type": "u32" }"""),
            "/reports/0/fields/0/after: 'b' is not a field defined before 'a'"),
        ["after naming a missing field"] = (
            Layout("""{ "name": "a", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "after": "c", "size": 4, "type": "u32" }"""),
            "/reports/0/fields/1/after: 'c' is not a field defined before 'b'"),
        ["sizeFrom naming a bytes field"] = (
            Layout("""{ "name": "n", "offset": 0, "size": 4, "type": "bytes" }, { "name": "data", "after": "n", "sizeFrom": "n", "type": "bytes" }"""),
            "/reports/0/fields/1/sizeFrom: 'n' is not a u8/u16/u32 field"),
        ["sizeFrom naming a u64 field"] = (
            Layout("""{ "name": "n", "offset": 0, "size": 8, "type": "u64" }, { "name": "data", "after": "n", "sizeFrom": "n", "type": "bytes" }"""),
            "/reports/0/fields/1/sizeFrom: 'n' is not a u8/u16/u32 field"),
        ["sizeFrom naming a later field"] = (
            Layout("""{ "name": "data", "offset": 4, "sizeFrom": "n", "type": "bytes" }, { "name": "n", "offset": 0, "size": 4, "type": "u32" }"""),
            "/reports/0/fields/0/sizeFrom: 'n' is not a field defined before 'data'"),
        ["when naming a bytes field"] = (
            Layout("""{ "name": "k", "offset": 0, "size": 4, "type": "bytes" }, { "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "equals": 1 } }"""),
            "/reports/0/fields/1/when: 'k' is not a u8/u16/u32/u64 field"),
        ["layoutVersionFrom naming a bytes field"] = (
            LayoutWithInner(
                """{ "name": "k", "offset": 0, "size": 4, "type": "bytes" }, { "name": "in", "offset": 4, "size": 8, "type": "layout", "layout": "inner", "layoutVersionFrom": "k" }""",
                """ "versionFromParent": true, "fields": [{ "name": "a", "offset": 0, "size": 8, "type": "u64" }]"""),
            "/reports/0/fields/1/layoutVersionFrom: 'k' is not a u8/u16/u32/u64 field"),
        ["after naming a field that is not always there"] = (
            Layout("""{ "name": "k", "offset": 0, "size": 4, "type": "u32" }, { "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "equals": 1 } }, { "name": "y", "after": "x", "size": 4, "type": "u32" }"""),
            "/reports/0/fields/2: 'y' refers to 'x', which is not present (when k = another value)"),
        ["a fixed field inside the bytes of a sizeFrom field"] = (
            Layout("""{ "name": "n", "offset": 0, "size": 4, "type": "u32" }, { "name": "data", "offset": 4, "sizeFrom": "n", "type": "bytes" }, { "name": "x", "offset": 8, "size": 4, "type": "u32" }"""),
            "/reports/0/fields/2: 'x' [8, 12) can overlap 'data' [4, 4 + n)"),
        ["a fixed field that overlaps a variant that can be present with it"] = (
            Layout("""{ "name": "k", "offset": 0, "size": 4, "type": "u32" }, { "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "oneOf": [1, 2] } }, { "name": "y", "offset": 6, "size": 2, "type": "u16", "when": { "field": "k", "equals": 2 } }"""),
            "/reports/0/fields/2: 'y' [6, 8) can overlap 'x' [4, 8) (when k = 2)"),

        // Variants
        ["variants with overlapping when values"] = (
            Layout("""{ "name": "k", "offset": 0, "size": 4, "type": "u32" }, { "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "oneOf": [1, 2] } }, { "name": "x", "offset": 8, "size": 4, "type": "u32", "when": { "field": "k", "oneOf": [2, 3] } }"""),
            "/reports/0/fields/2/when: variants of 'x' are both present when 'k' is 2"),
        ["variants selected by different fields"] = (
            Layout("""{ "name": "k", "offset": 0, "size": 2, "type": "u16" }, { "name": "j", "offset": 2, "size": 2, "type": "u16" }, { "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "equals": 1 } }, { "name": "x", "offset": 8, "size": 4, "type": "u32", "when": { "field": "j", "equals": 2 } }"""),
            "/reports/0/fields/3/name: field name 'x' is used 2 times; variants need a 'when' on the same field"),
        ["variants of different types"] = (
            Layout("""{ "name": "k", "offset": 0, "size": 4, "type": "u32" }, { "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "equals": 1 } }, { "name": "x", "offset": 4, "size": 4, "type": "bytes", "when": { "field": "k", "equals": 2 } }"""),
            "/reports/0/fields/2: variants of 'x' differ in type"),
        ["two fields with one C# property name"] = (
            Layout("""{ "name": "a", "propertyName": "Value", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "propertyName": "Value", "offset": 4, "size": 4, "type": "u32" }"""),
            "/reports/0: fields 'a', 'b' all have the C# property name 'Value'"),
        ["a property named like its type"] = (
            Layout("""{ "name": "a", "propertyName": "R", "offset": 0, "size": 8, "type": "u64" }"""),
            "/reports/0/fields/0: property 'R' has the name of its type"),

        // Nested layouts
        ["layout naming a missing layout"] = (
            Layout("""{ "name": "in", "offset": 0, "size": 8, "type": "layout", "layout": "nowhere" }"""),
            "/reports/0/fields/0/layout: 'nowhere' is not a report of this schema"),
        ["a layout that contains itself"] = (
            Layout("""{ "name": "n", "offset": 0, "size": 4, "type": "u32" }, { "name": "self", "offset": 4, "sizeFrom": "n", "type": "layout", "layout": "r" }"""),
            "/reports/0: layout 'r' contains itself"),
        ["a versionFromParent layout nested without a version"] = (
            LayoutWithInner(
                """{ "name": "in", "offset": 0, "size": 8, "type": "layout", "layout": "inner" }""",
                """ "versionFromParent": true, "fields": [{ "name": "a", "offset": 0, "size": 8, "type": "u64" }]"""),
            "/reports/0/fields/0: layout 'inner' takes its version from its parent"),
        ["layoutVersion for a layout without versionFromParent"] = (
            LayoutWithInner(
                """{ "name": "in", "offset": 0, "size": 8, "type": "layout", "layout": "inner", "layoutVersion": 1 }""",
                """ "fields": [{ "name": "a", "offset": 0, "size": 8, "type": "u64" }]"""),
            "/reports/0/fields/0: layout 'inner' has no versionFromParent"),
        ["a layout field whose size is not the nested layout's"] = (
            LayoutWithInner(
                """{ "name": "in", "offset": 0, "size": 4, "type": "layout", "layout": "inner" }""",
                """ "fields": [{ "name": "a", "offset": 0, "size": 8, "type": "u64" }]"""),
            "/reports/0/fields/0: 'in' is 4 bytes, layout 'inner' is 8"),
        ["a layout field too small for the nested layout's version"] = (
            LayoutWithInner(
                """{ "name": "in", "offset": 0, "size": 8, "type": "layout", "layout": "inner", "layoutVersion": 2 }""",
                """ "versionFromParent": true, "fields": [{ "name": "a", "offset": 0, "size": 8, "type": "u64" }, { "name": "b", "offset": 8, "size": 4, "type": "u32", "versions": [2] }]"""),
            "/reports/0/fields/0: layout 'inner' is 12 bytes in version 2, not 8"),

        // bits, hashOf, userDataField
        ["a named bit inside a named bit range"] = (
            Layout("""{ "name": "f", "offset": 0, "size": 8, "type": "flags", "bits": { "abi": { "bit": 0, "width": 8 }, "debug": 3 } }"""),
            "/reports/0/fields/0/bits/debug: overlaps another named bit of 'f'"),
        ["two bit ranges that overlap"] = (
            Layout("""{ "name": "f", "offset": 0, "size": 8, "type": "flags", "bits": { "minor": { "bit": 0, "width": 8 }, "major": { "bit": 7, "width": 8 } } }"""),
            "/reports/0/fields/0/bits/major: overlaps another named bit of 'f'"),
        ["a bit range past the end of the field"] = (
            Layout("""{ "name": "f", "offset": 0, "size": 1, "type": "flags", "bits": { "level": { "bit": 6, "width": 4 } } }, { "name": "pad", "offset": 1, "size": 7, "type": "bytes" }"""),
            "/reports/0/fields/0/bits/level: bits 6..9 do not fit a 8-bit field"),
        ["hashOf bytes outside the layout"] = (
            Layout("""{ "name": "d", "offset": 0, "size": 32, "type": "digest", "hash": "sha256", "hashOf": { "offset": 32, "size": 16 } }"""),
            "/reports/0/fields/0/hashOf/size: bytes 32..47 are outside the 40-byte layout"),
        ["hashOf bytes that include the digest itself"] = (
            Layout("""{ "name": "d", "offset": 0, "size": 32, "type": "digest", "hash": "sha256", "hashOf": { "offset": 0, "size": 40 } }"""),
            "/reports/0/fields/0/hashOf: a digest field must be at a fixed place outside the bytes it hashes"),
        ["userDataField naming an integer field"] = (
            WithReports("""[{ "name": "r", "size": 8, "userDataField": "f", "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""),
            "/reports/0/userDataField: 'f' is not an always-present bytes field at a fixed place"),
        ["userDataField naming a field sized by another"] = (
            WithReports("""[{ "name": "r", "size": 8, "userDataField": "data", "fields": [{ "name": "n", "offset": 0, "size": 4, "type": "u32" }, { "name": "data", "offset": 4, "sizeFrom": "n", "type": "bytes" }] }]"""),
            "/reports/0/userDataField: 'data' is not an always-present bytes field at a fixed place"),

        // Claim sets
        ["two claims with one key"] = (
            Claims("""{ "name": "a", "key": 10, "type": "bytes" }, { "name": "b", "key": 10, "type": "text" }"""),
            "/claimSets/0/claims/1/key: key 10 is used twice"),
        ["two claims with one name"] = (
            Claims("""{ "name": "a", "key": 1, "type": "bytes" }, { "name": "a", "key": 2, "type": "text" }"""),
            "/claimSets/0/claims/1: claim name 'a' is used twice"),
        ["two claims with one C# property name"] = (
            Claims("""{ "name": "a", "propertyName": "Value", "key": 1, "type": "bytes" }, { "name": "b", "propertyName": "Value", "key": 2, "type": "text" }"""),
            "/claimSets/0/claims/1: property name 'Value' is used twice"),
        ["a claim property named like a generated member"] = (
            Claims("""{ "name": "a", "propertyName": "VisitFields", "key": 1, "type": "bytes" }"""),
            "/claimSets/0/claims/0: property 'VisitFields' is the type's own name or a generated member"),
        ["two claim sets with one name"] = (
            WithClaimSets("""[{ "name": "s", "typeName": "A", "claims": [{ "name": "a", "key": 1, "type": "bytes" }] }, { "name": "s", "typeName": "B", "claims": [{ "name": "a", "key": 1, "type": "bytes" }] }]"""),
            "claim set name 's' is used 2 times"),
        ["a claim set typed like the vendor class"] = (
            WithClaimSets("""[{ "name": "s", "typeName": "Demo", "claims": [{ "name": "a", "key": 1, "type": "bytes" }] }]"""),
            "C# type name 'Demo' is generated 2 times"),
        ["a claimSet naming a missing claim set"] = (
            Claims("""{ "name": "list", "key": 1, "type": "claim-set-array", "claimSet": "nowhere" }"""),
            "/claimSets/0/claims/0/claimSet: 'nowhere' is not a claim set"),
        ["a claim set that contains itself through another"] = (
            WithClaimSets("""[{ "name": "a", "claims": [{ "name": "b", "key": 1, "type": "claim-set-array", "claimSet": "b" }] }, { "name": "b", "claims": [{ "name": "a", "key": 1, "type": "claim-set-array", "claimSet": "a" }] }]"""),
            "/claimSets/0: claim set 'a' contains itself"),
        ["a claim linked to a missing register"] = (
            Claims("""{ "name": "a", "key": 1, "type": "bytes", "register": "nope" }"""),
            "/claimSets/0/claims/0/register: 'nope' is not a register"),
        ["a bytes claim linked to a register array"] = (
            ClaimsWithRegisterArray("""{ "name": "a", "key": 1, "type": "bytes", "register": "rem" }"""),
            "/claimSets/0/claims/0/register: 'rem' is not a register"),
        ["a bytes-array claim linked to a single register"] = (
            Claims("""{ "name": "a", "key": 1, "type": "bytes-array", "register": "mr" }"""),
            "/claimSets/0/claims/0/register: 'mr' is not a register array"),

        // Logical roles
        ["a role on a register that does not exist"] = (WithRoles("""{ "application": { "register": "rt9", "description": "d" } }"""), "/logical/application/register: 'rt9'"),
        ["a role on a read-only register"] = (WithRoles("""{ "application": { "register": "mr", "description": "d" } }"""), "/logical/application/register: 'mr'"),
        ["a role on an alias"] = (WithRoles("""{ "application": { "register": "agile", "description": "d" } }"""), "/logical/application/register: 'agile'"),
        ["two roles on one register"] = (
            WithRoles("""{ "os": { "register": "rt0", "description": "d" }, "application": { "register": "rt0", "description": "d" } }"""),
            "/logical/application/register: 'rt0' already carries role 'os'"),
    };

    public static TheoryData<string> FilesBrokenAcrossKeys()
    {
        var data = new TheoryData<string>();
        foreach (string why in BrokenAcrossKeys.Keys)
        {
            data.Add(why);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FilesBrokenAcrossKeys))]
    public void The_cross_reference_rules_catch_what_they_claim_to(string brokenBecause)
    {
        (string json, string problem) = BrokenAcrossKeys[brokenBecause];
        AssertValid(json, brokenBecause + " (must pass the JSON Schema, so that only the cross-key rules can catch it)");
        using JsonDocument document = ParseStrict(json);

        List<string> problems = CrossReferenceRules.Check(document.RootElement);

        Assert.True(
            problems.Any(p => p.Contains(problem, StringComparison.Ordinal)),
            $"{brokenBecause}: expected a problem containing \"{problem}\", got:\n  " + string.Join("\n  ", problems));
    }

    /// <summary>
    /// Small edits of the shipped TDX quote layouts that must be caught: the rules work on the real variable layouts,
    /// not only on the toy documents above. Each edit: (layout, field index, key to change, new JSON value or null to
    /// remove the key, a fragment of the problem that must be reported).
    /// </summary>
    public static TheoryData<string, int, string, string?, string> BrokenShippedQuoteLayouts() => new()
    {
        { "tdquote", 9, "when", """{ "field": "version", "oneOf": [4, 5] }""", "variants of 'body' are both present when 'version' is 4" },
        { "tdquote", 6, "layoutVersion", null, "layout 'tdquotebody' takes its version from its parent" },
        { "tdquote", 6, "size", "648", "'body' is 648 bytes, layout 'tdquotebody' is 584" },
        { "tdquote", 6, "layoutVersion", "3", "layout 'tdquotebody' is 648 bytes in version 3, not 584" },
        { "tdquote", 10, "after", "\"bodysize\"", "'signaturedatalength' refers to 'bodysize', which is not present (when version = 4)" },
        { "tdquote", 10, "after", "\"userdata\"", "'signaturedatalength' [48, 52) can overlap 'body' [48, 632) (when version = 4)" },
        { "tdquotebody", 16, "versions", null, "'mrservicetd' ends at 648, outside the 584-byte layout" },
        { "qereportcertificationdata", 4, "after", "\"qeauthdatasize\"", "'pckcertdatatype' [450, 452) can overlap 'qeauthdata' [450, 450 + qeauthdatasize)" },
        { "qereportcertificationdata", 5, "after", "\"qereportsignature\"", "'pckcertdatasize' [448, 452) can overlap 'qeauthdatasize' [448, 450)" },
        { "tdquotesignaturedata", 4, "layout", "\"tdquote\"", "layout 'tdquotesignaturedata' contains itself" },
        { "tdreport", 4, "hashOf", """{ "offset": 0, "size": 239 }""", "a digest field must be at a fixed place outside the bytes it hashes" },
    };

    [Theory]
    [MemberData(nameof(BrokenShippedQuoteLayouts))]
    public void Edits_that_break_the_shipped_quote_layouts_are_caught(string layout, int field, string key, string? value, string problem)
    {
        System.Text.Json.Nodes.JsonNode root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(SchemasDirectory, "tdx.tsm.json")))!;
        System.Text.Json.Nodes.JsonObject target = root["reports"]!.AsArray().Single(r => (string?)r!["name"] == layout)!["fields"]![field]!.AsObject();
        if (value is null)
        {
            Assert.True(target.Remove(key), $"{layout} field {field} has no '{key}'");
        }
        else
        {
            target[key] = System.Text.Json.Nodes.JsonNode.Parse(value);
        }

        string json = root.ToJsonString();
        using JsonDocument document = ParseStrict(json);
        List<string> problems = CrossReferenceRules.Check(document.RootElement);

        Assert.True(
            problems.Any(p => p.Contains(problem, StringComparison.Ordinal)),
            $"expected a problem containing \"{problem}\", got:\n  " + string.Join("\n  ", problems));
    }

    [Fact]
    public void A_file_using_every_layout_feature_is_valid_and_keeps_the_cross_key_rules()
    {
        // A TD-quote-like layout: a version-selected variant, a conditional field with a conditional check, sizes and
        // places taken from other fields, nested layouts with a constant and a field-given version, trailing bytes,
        // multi-bit flags, hashOf, as, propertyName and userDataField. CrossReferenceRules must find nothing wrong.
        string json = WithReports("""
            [
              {
                "name": "inner", "typeName": "Inner", "size": 8, "versionFromParent": true,
                "fields": [
                  { "name": "a", "propertyName": "ValueA", "offset": 0, "size": 8, "type": "u64", "as": "Tsm.Attestation.SnpTcbVersion" },
                  { "name": "b", "offset": 8, "size": 4, "type": "u32", "versions": [2] }
                ]
              },
              {
                "name": "outer", "size": 64, "versionField": "v", "trailing": true, "userDataField": "data",
                "checks": [{ "field": "v", "oneOf": [1, 2] }, { "field": "kind", "equals": 2 }],
                "fields": [
                  { "name": "v", "offset": 0, "size": 2, "type": "u16" },
                  { "name": "len", "propertyName": "TailLength", "offset": 2, "size": 2, "type": "u16" },
                  { "name": "data", "propertyName": "Data", "offset": 4, "size": 16, "type": "bytes" },
                  { "name": "f", "offset": 20, "size": 4, "type": "flags", "bits": { "on": 0, "level": { "bit": 1, "width": 3 }, "top": { "bit": 28, "width": 4 } } },
                  { "name": "d", "offset": 24, "size": 32, "type": "digest", "hash": "sha256", "hashOf": { "offset": 0, "size": 24 }, "register": "mr" },
                  { "name": "body", "offset": 56, "size": 8, "type": "layout", "layout": "inner", "layoutVersion": 1, "when": { "field": "v", "equals": 1 } },
                  { "name": "kind", "offset": 56, "size": 1, "type": "u8", "when": { "field": "v", "oneOf": [2] } },
                  { "name": "body", "offset": 57, "sizeFrom": "len", "type": "layout", "layout": "inner", "layoutVersionFrom": "kind", "when": { "field": "v", "equals": 2 } },
                  { "name": "tail", "after": "body", "sizeFrom": "len", "type": "opaque" },
                  { "name": "count", "after": "tail", "size": 4, "type": "u32" }
                ]
              }
            ]
            """);

        AssertValid(json);
        using JsonDocument document = ParseStrict(json);
        List<string> problems = CrossReferenceRules.Check(document.RootElement);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void A_file_using_every_claim_set_feature_is_valid_and_keeps_the_cross_key_rules()
    {
        // Every claim type, an optional claim, a nested claim set listed after its user, negative and large keys, both
        // kinds of register link, propertyName and typeName: neither the JSON Schema nor the cross-key rules object.
        string json = WithClaimSets(
            """
            [
              {
                "name": "evidence", "typeName": "Evidence", "description": "d",
                "claims": [
                  { "name": "nonce", "propertyName": "Nonce", "key": -65537, "type": "bytes", "size": 64, "description": "d" },
                  { "name": "rim", "key": 44238, "type": "bytes", "register": "rim" },
                  { "name": "rems", "key": 44239, "type": "bytes-array", "register": "rem" },
                  { "name": "digests", "key": 3, "type": "bytes-array", "size": 32, "optional": true },
                  { "name": "profile", "key": 265, "type": "text", "optional": false },
                  { "name": "lifecycle", "key": 2395, "type": "integer" },
                  { "name": "parts", "key": 2399, "type": "claim-set-array", "claimSet": "part" }
                ]
              },
              { "name": "part", "claims": [{ "name": "measurement", "key": 2, "type": "bytes" }] }
            ]
            """,
            """[{ "name": "rim", "hashChoices": ["sha256", "sha512"], "flags": ["readable"] }, { "name": "rem", "count": 4, "hashChoices": ["sha256", "sha512"], "flags": ["readable"] }]""");

        AssertValid(json);
        using JsonDocument document = ParseStrict(json);
        List<string> problems = CrossReferenceRules.Check(document.RootElement);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Broken files: each breaks one rule of docs/schema.md and must be rejected where the rule applies.

    /// <summary>Why the file is broken → (the file, the JSON Pointer of the instance location that must carry an error).</summary>
    private static readonly Dictionary<string, (string Json, string At)> Broken = new()
    {
        ["an unknown role"] = (WithRoles("""{ "aplication": { "register": "rt0", "description": "d" } }"""), "/logical/aplication"),
        ["a role without a description"] = (WithRoles("""{ "application": { "register": "rt0" } }"""), "/logical/application"),
        ["a role with a blank description"] = (WithRoles("""{ "application": { "register": "rt0", "description": " " } }"""), "/logical/application/description"),
        ["a role on one hash of a register"] = (WithRoles("""{ "application": { "register": "rt0:sha256", "description": "d" } }"""), "/logical/application/register"),
        ["a role with an unknown key"] = (WithRoles("""{ "application": { "register": "rt0", "description": "d", "pcr": 23 } }"""), "/logical/application/pcr"),
        // Top level
        ["unknown top-level key"] = (
            """{ "vendor": "x", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [{ "name": "mr", "hash": "sha256", "flags": [] }], "colour": "red" }""",
            "/colour"),
        ["missing vendor"] = (
            """{ "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [{ "name": "mr", "hash": "sha256", "flags": [] }] }""",
            ""),
        ["missing displayName"] = (
            """{ "vendor": "x", "device": { "sysfs": "/sys/x" }, "registers": [{ "name": "mr", "hash": "sha256", "flags": [] }] }""",
            ""),
        ["vendor id with uppercase and underscore"] = (
            """{ "vendor": "Sev_SNP", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [{ "name": "mr", "hash": "sha256", "flags": [] }] }""",
            "/vendor"),
        ["vendor id with a trailing hyphen"] = (
            """{ "vendor": "tdx-", "displayName": "X", "device": { "sysfs": "/sys/x" }, "registers": [{ "name": "mr", "hash": "sha256", "flags": [] }] }""",
            "/vendor"),
        ["no registers"] = (WithRegisters("[]"), "/registers"),

        // device
        ["relative sysfs directory"] = (
            """{ "vendor": "x", "displayName": "X", "device": { "sysfs": "sys/class/misc/x" }, "registers": [{ "name": "mr", "hash": "sha256", "flags": [] }] }""",
            "/device/sysfs"),
        ["sysfs directory with a .. segment"] = (
            """{ "vendor": "x", "displayName": "X", "device": { "sysfs": "/sys/class/../../etc" }, "registers": [{ "name": "mr", "hash": "sha256", "flags": [] }] }""",
            "/device/sysfs"),
        ["file name template with a .. segment"] = (WithDevice("""{ "sysfs": "/sys/x", "fileName": "../{name}" }"""), "/device/fileName"),
        ["absolute file name template"] = (WithDevice("""{ "sysfs": "/sys/x", "fileName": "/etc/{name}" }"""), "/device/fileName"),
        ["unknown placeholder in a file name template"] = (WithDevice("""{ "sysfs": "/sys/x", "fileName": "{name}:{algo}" }"""), "/device/fileName"),
        ["{hash} in the file name of registers without a hash"] = (WithDevice("""{ "sysfs": "/sys/x", "noHashFileName": "{name}:{hash}" }"""), "/device/noHashFileName"),
        ["unknown encoding"] = (WithDevice("""{ "sysfs": "/sys/x", "encoding": "text" }"""), "/device/encoding"),
        ["unknown device key"] = (WithDevice("""{ "sysfs": "/sys/x", "mode": "0644" }"""), "/device/mode"),

        // Register names (they become file names: never a separator)
        ["register name with ../"] = (WithRegisters("""[{ "name": "../etc/passwd", "hash": "sha256", "flags": [] }]"""), "/registers/0/name"),
        ["register name with /"] = (WithRegisters("""[{ "name": "rtmr/0", "hash": "sha256", "flags": [] }]"""), "/registers/0/name"),
        ["register name starting with a digit"] = (WithRegisters("""[{ "name": "0rtmr", "hash": "sha256", "flags": [] }]"""), "/registers/0/name"),
        ["unknown register key"] = (WithRegisters("""[{ "name": "mr", "hash": "sha256", "flags": [], "writable": true }]"""), "/registers/0/writable"),
        ["register without flags"] = (WithRegisters("""[{ "name": "mr", "hash": "sha256" }]"""), "/registers/0"),

        // Hashes and sizes
        ["hash name that is not a kernel hash name"] = (WithRegisters("""[{ "name": "mr", "hash": "sha-384", "flags": [] }]"""), "/registers/0/hash"),
        ["hash none without size"] = (WithRegisters("""[{ "name": "mr", "hash": "none", "flags": ["readable"] }]"""), "/registers/0"),
        ["size 0"] = (WithRegisters("""[{ "name": "mr", "hash": "none", "size": 0, "flags": [] }]"""), "/registers/0/size"),
        ["size above 4096"] = (WithRegisters("""[{ "name": "mr", "hash": "none", "size": 4097, "flags": [] }]"""), "/registers/0/size"),
        ["size that is not the digest size"] = (WithRegisters("""[{ "name": "mr", "hash": "sha384", "size": 32, "flags": [] }]"""), "/registers/0/size"),
        ["hash and hashChoices together"] = (WithRegisters("""[{ "name": "mr", "hash": "sha256", "hashChoices": ["sha256", "sha384"], "flags": [] }]"""), "/registers/0/hashChoices"),
        ["hashChoices and banks together"] = (WithRegisters("""[{ "name": "mr", "hashChoices": ["sha256", "sha384"], "banks": ["sha1"], "flags": [] }]"""), "/registers/0/banks"),
        ["no hash, hashChoices or banks"] = (WithRegisters("""[{ "name": "mr", "size": 32, "flags": [] }]"""), "/registers/0"),
        ["hashChoices with a single hash"] = (WithRegisters("""[{ "name": "mr", "hashChoices": ["sha256"], "flags": [] }]"""), "/registers/0/hashChoices"),
        ["none among banks"] = (WithRegisters("""[{ "name": "pcr", "banks": ["sha256", "none"], "flags": [] }]"""), "/registers/0/banks/1"),
        ["size with banks"] = (WithRegisters("""[{ "name": "pcr", "banks": ["sha256"], "size": 32, "flags": [] }]"""), "/registers/0/size"),

        // Flags, extend, refresh
        ["unknown flag"] = (WithRegisters("""[{ "name": "mr", "hash": "sha256", "flags": ["readable", "writable"] }]"""), "/registers/0/flags/1"),
        ["extendable without extend"] = (WithRegisters("""[{ "name": "mr", "hash": "sha256", "flags": ["readable", "extendable"] }]"""), "/registers/0"),
        ["extend without extendable"] = (WithRegisters("""[{ "name": "mr", "hash": "sha256", "flags": ["readable"], "extend": { "rule": "hash-concat" } }]"""), "/registers/0/extend"),
        ["unknown extend rule"] = (WithRegisters("""[{ "name": "mr", "hash": "sha256", "flags": ["extendable"], "extend": { "rule": "xor" } }]"""), "/registers/0/extend/rule"),
        ["extendable register without a hash"] = (WithRegisters("""[{ "name": "mr", "hash": "none", "size": 48, "flags": ["extendable"], "extend": { "rule": "hash-concat" } }]"""), "/registers/0/flags"),
        ["refresh without live"] = (WithRegisters("""[{ "name": "mr", "hash": "sha512", "flags": ["readable"], "refresh": { "hash": "sha512", "of": ["a"] } }]"""), "/registers/0/refresh"),

        // Arrays, aliases, per-register details
        ["elements without count"] = (WithRegisters("""[{ "name": "rtmr", "hash": "sha384", "flags": [], "elements": [{ "index": 0 }] }]"""), "/registers/0/elements"),
        ["count above 64"] = (WithRegisters("""[{ "name": "pcr", "hash": "sha256", "flags": [], "count": 65 }]"""), "/registers/0/count"),
        ["element without index"] = (WithRegisters("""[{ "name": "pcr", "hash": "sha256", "flags": [], "count": 2, "elements": [{ "description": "?" }] }]"""), "/registers/0/elements/0"),
        ["PCR 24"] = (WithRegisters("""[{ "name": "mr", "hash": "sha384", "flags": [], "pcrs": [24] }]"""), "/registers/0/pcrs/0"),
        ["unknown initial value"] = (WithRegisters("""[{ "name": "mr", "hash": "sha384", "flags": [], "initial": "random" }]"""), "/registers/0/initial"),
        ["alias with its own initial value"] = (
            WithRegisters("""[{ "name": "a", "hash": "sha256", "flags": [] }, { "name": "b", "aliasOf": "a", "flags": [], "initial": "ones" }]"""),
            "/registers/1/initial"),

        // Report layouts
        ["report without fields"] = (WithReports("""[{ "name": "r", "size": 8 }]"""), "/reports/0"),
        ["negative field offset"] = (WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": -1, "size": 8, "type": "u64" }] }]"""), "/reports/0/fields/0/offset"),
        ["field size 0"] = (WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 0, "type": "bytes" }] }]"""), "/reports/0/fields/0/size"),
        ["unknown field type"] = (WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "i64" }] }]"""), "/reports/0/fields/0/type"),
        ["u32 field of 8 bytes"] = (WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u32" }] }]"""), "/reports/0/fields/0/size"),
        ["digest field without hash"] = (WithReports("""[{ "name": "r", "size": 48, "fields": [{ "name": "f", "offset": 0, "size": 48, "type": "digest" }] }]"""), "/reports/0/fields/0"),
        ["digest field of the wrong size"] = (WithReports("""[{ "name": "r", "size": 48, "fields": [{ "name": "f", "offset": 0, "size": 32, "type": "digest", "hash": "sha384" }] }]"""), "/reports/0/fields/0/size"),
        ["hash on a bytes field"] = (WithReports("""[{ "name": "r", "size": 48, "fields": [{ "name": "f", "offset": 0, "size": 48, "type": "bytes", "hash": "sha384" }] }]"""), "/reports/0/fields/0/hash"),
        ["flags field without bits"] = (WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "flags" }] }]"""), "/reports/0/fields/0"),
        ["bits on a u64 field"] = (WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64", "bits": { "debug": 0 } }] }]"""), "/reports/0/fields/0/bits"),
        ["bit 8 of a one-byte flags field"] = (WithReports("""[{ "name": "r", "size": 1, "fields": [{ "name": "f", "offset": 0, "size": 1, "type": "flags", "bits": { "debug": 8 } }] }]"""), "/reports/0/fields/0/bits/debug"),
        ["flags field of 3 bytes"] = (WithReports("""[{ "name": "r", "size": 3, "fields": [{ "name": "f", "offset": 0, "size": 3, "type": "flags", "bits": { "debug": 0 } }] }]"""), "/reports/0/fields/0/size"),
        ["versions without versionField"] = (WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64", "versions": [1] }] }]"""), "/reports/0/fields"),
        ["check with both equals and oneOf"] = (
            WithReports("""[{ "name": "r", "size": 8, "checks": [{ "field": "f", "equals": 1, "oneOf": [1, 2] }], "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""),
            "/reports/0/checks/0"),
        ["typeName that is not a C# identifier"] = (WithReports("""[{ "name": "r", "typeName": "Td-Report", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""), "/reports/0/typeName"),
        ["unknown field key"] = (WithReports("""[{ "name": "r", "size": 8, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64", "endian": "big" }] }]"""), "/reports/0/fields/0/endian"),

        // Report layouts: placement, sizes, conditions, nesting, C# names
        ["both offset and after"] = (Layout("""{ "name": "a", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "offset": 4, "after": "a", "size": 4, "type": "u32" }"""), "/reports/0/fields/1/after"),
        ["neither offset nor after"] = (Layout("""{ "name": "a", "size": 8, "type": "u64" }"""), "/reports/0/fields/0"),
        ["both size and sizeFrom"] = (Layout("""{ "name": "n", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "offset": 4, "size": 4, "sizeFrom": "n", "type": "bytes" }"""), "/reports/0/fields/1/sizeFrom"),
        ["neither size nor sizeFrom"] = (Layout("""{ "name": "a", "offset": 0, "type": "bytes" }"""), "/reports/0/fields/0"),
        ["sizeFrom on a u32 field"] = (Layout("""{ "name": "n", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "offset": 4, "sizeFrom": "n", "type": "u32" }"""), "/reports/0/fields/1/sizeFrom"),
        ["sizeFrom on a digest field"] = (Layout("""{ "name": "n", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "offset": 4, "sizeFrom": "n", "type": "digest", "hash": "sha256" }"""), "/reports/0/fields/1/sizeFrom"),
        ["after that is not a field name"] = (Layout("""{ "name": "a", "offset": 0, "size": 4, "type": "u32" }, { "name": "b", "after": "A", "size": 4, "type": "u32" }"""), "/reports/0/fields/1/after"),
        ["when with both equals and oneOf"] = (Layout("""{ "name": "k", "offset": 0, "size": 4, "type": "u32" }, { "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "equals": 1, "oneOf": [1] } }"""), "/reports/0/fields/1/when"),
        ["when with an empty oneOf"] = (Layout("""{ "name": "k", "offset": 0, "size": 4, "type": "u32" }, { "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "field": "k", "oneOf": [] } }"""), "/reports/0/fields/1/when/oneOf"),
        ["when without a field"] = (Layout("""{ "name": "x", "offset": 4, "size": 4, "type": "u32", "when": { "equals": 1 } }"""), "/reports/0/fields/0/when"),
        ["layout field without layout"] = (Layout("""{ "name": "in", "offset": 0, "size": 8, "type": "layout" }"""), "/reports/0/fields/0"),
        ["layout on a bytes field"] = (Layout("""{ "name": "in", "offset": 0, "size": 8, "type": "bytes", "layout": "inner" }"""), "/reports/0/fields/0/layout"),
        ["layoutVersion on a bytes field"] = (Layout("""{ "name": "in", "offset": 0, "size": 8, "type": "bytes", "layoutVersion": 2 }"""), "/reports/0/fields/0/layoutVersion"),
        ["both layoutVersion and layoutVersionFrom"] = (
            Layout("""{ "name": "k", "offset": 0, "size": 2, "type": "u16" }, { "name": "in", "offset": 2, "size": 8, "type": "layout", "layout": "inner", "layoutVersion": 2, "layoutVersionFrom": "k" }"""),
            "/reports/0/fields/1/layoutVersionFrom"),
        ["negative layoutVersion"] = (Layout("""{ "name": "in", "offset": 0, "size": 8, "type": "layout", "layout": "inner", "layoutVersion": -1 }"""), "/reports/0/fields/0/layoutVersion"),
        ["propertyName in camelCase"] = (Layout("""{ "name": "reportdata", "propertyName": "reportData", "offset": 0, "size": 8, "type": "bytes" }"""), "/reports/0/fields/0/propertyName"),
        ["propertyName with a hyphen"] = (Layout("""{ "name": "reportdata", "propertyName": "Report-Data", "offset": 0, "size": 8, "type": "bytes" }"""), "/reports/0/fields/0/propertyName"),
        ["as on a bytes field"] = (Layout("""{ "name": "tcb", "offset": 0, "size": 8, "type": "bytes", "as": "Tsm.Attestation.SnpTcbVersion" }"""), "/reports/0/fields/0/as"),
        ["as on a u16 field"] = (Layout("""{ "name": "tcb", "offset": 0, "size": 2, "type": "u16", "as": "Tsm.Attestation.SnpTcbVersion" }"""), "/reports/0/fields/0/as"),
        ["as that is not a type name"] = (Layout("""{ "name": "tcb", "offset": 0, "size": 8, "type": "u64", "as": "Snp TcbVersion" }"""), "/reports/0/fields/0/as"),
        ["as that is a bare identifier"] = (Layout("""{ "name": "tcb", "offset": 0, "size": 8, "type": "u64", "as": "SnpTcbVersion" }"""), "/reports/0/fields/0/as"),
        ["as with an empty name part"] = (Layout("""{ "name": "tcb", "offset": 0, "size": 8, "type": "u64", "as": "Contoso..TcbVersion" }"""), "/reports/0/fields/0/as"),
        ["as with a nested type in metadata form"] = (Layout("""{ "name": "tcb", "offset": 0, "size": 8, "type": "u64", "as": "Contoso.Outer+TcbVersion" }"""), "/reports/0/fields/0/as"),
        ["as with global:: in the middle"] = (Layout("""{ "name": "tcb", "offset": 0, "size": 8, "type": "u64", "as": "Contoso.global::TcbVersion" }"""), "/reports/0/fields/0/as"),
        ["hashOf on a bytes field"] = (Layout("""{ "name": "h", "offset": 0, "size": 8, "type": "bytes", "hashOf": { "offset": 0, "size": 8 } }"""), "/reports/0/fields/0/hashOf"),
        ["hashOf without size"] = (Layout("""{ "name": "h", "offset": 0, "size": 32, "type": "digest", "hash": "sha256", "hashOf": { "offset": 32 } }"""), "/reports/0/fields/0/hashOf"),
        ["hashOf of zero bytes"] = (Layout("""{ "name": "h", "offset": 0, "size": 32, "type": "digest", "hash": "sha256", "hashOf": { "offset": 32, "size": 0 } }"""), "/reports/0/fields/0/hashOf/size"),
        ["register on a u64 field"] = (Layout("""{ "name": "f", "offset": 0, "size": 8, "type": "u64", "register": "mr" }"""), "/reports/0/fields/0/register"),
        ["bit range of width 0"] = (Layout("""{ "name": "f", "offset": 0, "size": 8, "type": "flags", "bits": { "abi": { "bit": 0, "width": 0 } } }"""), "/reports/0/fields/0/bits/abi/width"),
        ["bit range without width"] = (Layout("""{ "name": "f", "offset": 0, "size": 8, "type": "flags", "bits": { "abi": { "bit": 0 } } }"""), "/reports/0/fields/0/bits/abi"),
        ["bit range with an unknown key"] = (Layout("""{ "name": "f", "offset": 0, "size": 8, "type": "flags", "bits": { "abi": { "bit": 0, "width": 8, "signed": true } } }"""), "/reports/0/fields/0/bits/abi/signed"),
        ["bit range starting at bit 8 of a one-byte flags field"] = (Layout("""{ "name": "f", "offset": 0, "size": 1, "type": "flags", "bits": { "abi": { "bit": 8, "width": 1 } } }"""), "/reports/0/fields/0/bits/abi/bit"),
        ["bit range wider than a two-byte flags field"] = (Layout("""{ "name": "f", "offset": 0, "size": 2, "type": "flags", "bits": { "abi": { "bit": 0, "width": 17 } } }"""), "/reports/0/fields/0/bits/abi/width"),
        ["trailing that is not a boolean"] = (WithReports("""[{ "name": "r", "size": 8, "trailing": "yes", "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""), "/reports/0/trailing"),
        ["versionFromParent that is not a boolean"] = (WithReports("""[{ "name": "r", "size": 8, "versionFromParent": 1, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""), "/reports/0/versionFromParent"),
        ["versionFromParent together with versionField"] = (
            WithReports("""[{ "name": "r", "size": 8, "versionField": "f", "versionFromParent": true, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64" }] }]"""),
            "/reports/0/versionField"),
        ["versions with versionFromParent false and no versionField"] = (
            WithReports("""[{ "name": "r", "size": 8, "versionFromParent": false, "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "u64", "versions": [1] }] }]"""),
            "/reports/0/fields"),
        ["userDataField that is not a field name"] = (WithReports("""[{ "name": "r", "size": 8, "userDataField": "Report Data", "fields": [{ "name": "f", "offset": 0, "size": 8, "type": "bytes" }] }]"""), "/reports/0/userDataField"),

        // Claim sets
        ["claim set without claims"] = (WithClaimSets("""[{ "name": "s" }]"""), "/claimSets/0"),
        ["claim set with an empty claims array"] = (WithClaimSets("""[{ "name": "s", "claims": [] }]"""), "/claimSets/0/claims"),
        ["claim set name with a hyphen"] = (WithClaimSets("""[{ "name": "realm-claims", "claims": [{ "name": "a", "key": 1, "type": "bytes" }] }]"""), "/claimSets/0/name"),
        ["claim set typeName that is not a C# identifier"] = (WithClaimSets("""[{ "name": "s", "typeName": "Realm.Claims", "claims": [{ "name": "a", "key": 1, "type": "bytes" }] }]"""), "/claimSets/0/typeName"),
        ["unknown claim set key"] = (WithClaimSets("""[{ "name": "s", "tag": 18, "claims": [{ "name": "a", "key": 1, "type": "bytes" }] }]"""), "/claimSets/0/tag"),
        ["claim without key"] = (Claims("""{ "name": "a", "type": "bytes" }"""), "/claimSets/0/claims/0"),
        ["claim key that is a string"] = (Claims("""{ "name": "a", "key": "10", "type": "bytes" }"""), "/claimSets/0/claims/0/key"),
        ["claim key that is not whole"] = (Claims("""{ "name": "a", "key": 1.5, "type": "bytes" }"""), "/claimSets/0/claims/0/key"),
        ["unknown claim type"] = (Claims("""{ "name": "a", "key": 1, "type": "float" }"""), "/claimSets/0/claims/0/type"),
        ["unknown claim key"] = (Claims("""{ "name": "a", "key": 1, "type": "bytes", "endian": "big" }"""), "/claimSets/0/claims/0/endian"),
        ["claim-set-array without claimSet"] = (Claims("""{ "name": "a", "key": 1, "type": "claim-set-array" }"""), "/claimSets/0/claims/0"),
        ["claimSet on a bytes claim"] = (Claims("""{ "name": "a", "key": 1, "type": "bytes", "claimSet": "s" }"""), "/claimSets/0/claims/0/claimSet"),
        ["size on a text claim"] = (Claims("""{ "name": "a", "key": 1, "type": "text", "size": 64 }"""), "/claimSets/0/claims/0/size"),
        ["register on an integer claim"] = (Claims("""{ "name": "a", "key": 1, "type": "integer", "register": "mr" }"""), "/claimSets/0/claims/0/register"),
        ["size together with register"] = (Claims("""{ "name": "a", "key": 1, "type": "bytes", "size": 32, "register": "mr" }"""), "/claimSets/0/claims/0/size"),
        ["claim size 0"] = (Claims("""{ "name": "a", "key": 1, "type": "bytes", "size": 0 }"""), "/claimSets/0/claims/0/size"),
        ["optional that is not a boolean"] = (Claims("""{ "name": "a", "key": 1, "type": "bytes", "optional": "yes" }"""), "/claimSets/0/claims/0/optional"),
        ["claim propertyName in camelCase"] = (Claims("""{ "name": "a", "propertyName": "personalizationValue", "key": 1, "type": "bytes" }"""), "/claimSets/0/claims/0/propertyName"),
    };

    public static TheoryData<string> BrokenFiles()
    {
        var data = new TheoryData<string>();
        foreach (string why in Broken.Keys)
        {
            data.Add(why);
        }

        return data;
    }

    [Theory]
    [InlineData("Tsm.Attestation.SnpTcbVersion")]
    [InlineData("Contoso.Tcb.Outer.TcbVersion")]
    [InlineData("global::Contoso.TcbVersion")]
    [InlineData("global::TcbVersion")]
    [InlineData("_Contoso.Tcb_2")]
    public void A_fully_qualified_as_is_valid(string name)
    {
        AssertValid(Layout($$"""{ "name": "tcb", "offset": 0, "size": 8, "type": "u64", "as": "{{name}}" }"""), name);
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Broken_file_is_rejected(string brokenBecause)
    {
        (string json, string at) = Broken[brokenBecause];
        using JsonDocument document = ParseStrict(json);

        EvaluationResults results = VendorJsonSchema.Evaluate(document.RootElement);

        Assert.False(results.IsValid, $"accepted a file with {brokenBecause}:\n{json}");
        Assert.True(
            VendorJsonSchema.ErrorNodes(results).Any(node => node.InstanceLocation.ToString() == at),
            $"expected an error at '{at}', got:\n{VendorJsonSchema.Describe(results)}");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers

    private static JsonDocument ParseStrict(string json) => VendorJsonSchema.Parse(json);

    private static void AssertValid(string json, string? name = null)
    {
        using JsonDocument document = ParseStrict(json);
        EvaluationResults results = VendorJsonSchema.Evaluate(document.RootElement);
        Assert.True(results.IsValid, $"{name ?? "document"} was rejected:\n{VendorJsonSchema.Describe(results)}");
    }

    private static string Top(string device, string registers, string reports) =>
        $$"""{ "vendor": "demo", "displayName": "Demo", "device": {{device}}, "registers": {{registers}}{{(reports.Length == 0 ? string.Empty : ", \"reports\": " + reports)}} }""";

    private const string OneRegister = """[{ "name": "mr", "hash": "sha256", "flags": ["readable"] }]""";

    private static string WithRegisters(string registers) => Top("""{ "sysfs": "/sys/class/misc/demo/measurements" }""", registers, string.Empty);

    /// <summary>A file with the extendable array <c>rt0</c>, <c>rt1</c>, the read-only <c>mr</c> and the alias <c>agile</c> of <c>rt0</c>, and this <c>logical</c> section.</summary>
    private static string WithRoles(string logical) =>
        $$"""{ "vendor": "demo", "displayName": "Demo", "device": { "sysfs": "/sys/class/misc/demo/measurements" }, "registers": [{ "name": "rt", "count": 2, "hash": "sha256", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } }, { "name": "mr", "hash": "sha256", "flags": ["readable"] }, { "name": "agile", "aliasOf": "rt0", "flags": ["readable", "extendable"], "extend": { "rule": "hash-concat" } }], "logical": {{logical}} }""";

    private static string WithDevice(string device) => Top(device, OneRegister, string.Empty);

    private static string WithReports(string reports) => Top("""{ "sysfs": "/sys/class/misc/demo/measurements" }""", OneRegister, reports);

    private static string WithClaimSets(string claimSets, string registers = OneRegister) =>
        $$"""{ "vendor": "demo", "displayName": "Demo", "device": { "sysfs": "/sys/class/misc/demo/measurements" }, "registers": {{registers}}, "claimSets": {{claimSets}} }""";

    /// <summary>One claim set <c>s</c> with these claims, in a file whose only register is <c>mr</c>.</summary>
    private static string Claims(string claims) => WithClaimSets($$"""[{ "name": "s", "claims": [{{claims}}] }]""");

    /// <summary>One claim set <c>s</c> with these claims, in a file with the register array <c>rem0</c>..<c>rem3</c>.</summary>
    private static string ClaimsWithRegisterArray(string claims) => WithClaimSets(
        $$"""[{ "name": "s", "claims": [{{claims}}] }]""",
        """[{ "name": "rem", "count": 4, "hashChoices": ["sha256", "sha512"], "flags": ["readable"] }]""");

    /// <summary>One report <c>r</c> of 40 bytes with these fields, plus an 8-byte layout <c>inner</c> to nest.</summary>
    private static string Layout(string fields) => WithReports(
        $$"""[{ "name": "r", "size": 40, "fields": [{{fields}}] }, { "name": "inner", "size": 8, "fields": [{ "name": "a", "offset": 0, "size": 8, "type": "u64" }] }]""");

    /// <summary>One report <c>r</c> of 40 bytes with these fields, plus a layout <c>inner</c> of 8 bytes with these keys.</summary>
    private static string LayoutWithInner(string fields, string innerKeys) => WithReports(
        $$"""[{ "name": "r", "size": 40, "fields": [{{fields}}] }, { "name": "inner", "size": 8, {{innerKeys}} }]""");

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tsm.Generators.sln")) || Directory.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Tsm.Generators.sln or .git above {AppContext.BaseDirectory}");
    }
}
