using System.Collections.Immutable;
using System.Text.Json;
using Json.Schema;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Schemas;

/// <summary>
/// One differential corpus of broken schemas (issue 8 §1: the three implementations of the rules had drifted): every
/// file in <c>Schemas/Corpus</c> breaks one rule, and each implementation that states the rule rejects it at the
/// same JSON location. The implementations are (a) <c>schemas/tsm-vendor.schema.json</c> under JsonSchema.Net, (b)
/// the generator's reader, through <see cref="Diagnostics.SchemaFileAnalyzer"/>, and (c) the test oracle
/// <see cref="CrossReferenceRules"/> (with <see cref="LayoutRules"/> and <see cref="ClaimSetRules"/>), which states
/// exactly the rules a JSON Schema cannot and takes only files the JSON Schema accepts. The location is a JSON Pointer;
/// System.Text.Json (<see cref="JsonPointerPositions"/>) turns it into the line and column the reader's diagnostic must
/// start at: the value there, or the member name whose value it is (an unknown key is reported on the key).
/// </summary>
public sealed class BrokenSchemaCorpusTests
{
    /// <summary>Rules the JSON Schema states: it and the reader reject the file at the pointer.</summary>
    private static readonly Dictionary<string, (string Id, string Pointer)> SchemaRules = new()
    {
        // Unknown keys
        ["unknown-top-level-key"] = ("TSM0002", "/colour"),
        ["unknown-register-key"] = ("TSM0002", "/registers/0/writable"),
        ["unknown-device-key"] = ("TSM0002", "/device/mode"),
        ["unknown-field-key"] = ("TSM0002", "/reports/0/fields/0/endian"),

        // Wrong JSON types
        ["display-name-not-a-string"] = ("TSM0004", "/displayName"),
        ["count-not-a-number"] = ("TSM0004", "/registers/0/count"),
        ["flags-not-an-array"] = ("TSM0004", "/registers/0/flags"),

        // Missing required keys: the object that lacks the key
        ["missing-vendor"] = ("TSM0003", string.Empty),
        ["missing-registers"] = ("TSM0003", string.Empty),
        ["missing-flags"] = ("TSM0003", "/registers/0"),
        ["missing-field-type"] = ("TSM0003", "/reports/0/fields/0"),
        ["extendable-without-extend"] = ("TSM0003", "/registers/0"),

        // Numbers out of range
        ["count-above-64"] = ("TSM0004", "/registers/0/count"),
        ["size-above-4096"] = ("TSM0004", "/registers/0/size"),
        ["size-zero"] = ("TSM0004", "/registers/0/size"),
        ["pcr-24"] = ("TSM0004", "/registers/0/pcrs/0"),
        ["negative-field-offset"] = ("TSM0004", "/reports/0/fields/0/offset"),

        // Hash names, and sizes that disagree with the hash
        ["hash-name-with-a-hyphen"] = ("TSM0004", "/registers/0/hash"),
        ["hash-md5"] = ("TSM0004", "/registers/0/hash"),
        ["hash-choices-with-one-hash"] = ("TSM0004", "/registers/0/hashChoices"),
        ["size-not-the-digest-size"] = ("TSM0006", "/registers/0/size"),
        ["size-with-banks"] = ("TSM0006", "/registers/0/size"),
        ["size-with-banks-that-matches-them"] = ("TSM0004", "/registers/0/size"),
        ["size-with-hash-choices"] = ("TSM0004", "/registers/0/size"),
        ["u32-field-of-8-bytes"] = ("TSM0009", "/reports/0/fields/0/size"),
        ["digest-field-of-the-wrong-size"] = ("TSM0009", "/reports/0/fields/0/size"),

        // Name patterns and enumerations
        ["register-name-with-dot-dot"] = ("TSM0005", "/registers/0/name"),
        ["register-name-starting-with-a-digit"] = ("TSM0005", "/registers/0/name"),
        ["register-name-with-a-slash"] = ("TSM0005", "/registers/0/name"),
        ["vendor-id-with-uppercase"] = ("TSM0005", "/vendor"),
        ["type-name-not-an-identifier"] = ("TSM0005", "/reports/0/typeName"),
        ["unknown-flag"] = ("TSM0004", "/registers/0/flags/1"),
        ["unknown-encoding"] = ("TSM0004", "/device/encoding"),
        ["unknown-field-type"] = ("TSM0004", "/reports/0/fields/0/type"),

        // Other rules on single values
        ["relative-sysfs-directory"] = ("TSM0004", "/device/sysfs"),
        ["hash-in-no-hash-file-name"] = ("TSM0004", "/device/noHashFileName"),
        ["no-registers"] = ("TSM0004", "/registers"),
        ["elements-without-count"] = ("TSM0004", "/registers/0/elements"),
        ["unknown-report-key"] = ("TSM0002", "/reports/0/colour"),
        ["unknown-claim-key"] = ("TSM0002", "/claimSets/0/claims/0/endian"),
        ["missing-display-name"] = ("TSM0003", string.Empty),
        ["missing-sysfs"] = ("TSM0003", "/device"),
        ["missing-report-size"] = ("TSM0003", "/reports/0"),
        ["claim-key-not-whole"] = ("TSM0004", "/claimSets/0/claims/0/key"),
        ["bit-8-of-a-one-byte-flags-field"] = ("TSM0004", "/reports/0/fields/0/bits/debug"),
        ["flags-field-of-3-bytes"] = ("TSM0004", "/reports/0/fields/0/size"),
        ["unknown-extend-rule"] = ("TSM0004", "/registers/0/extend/rule"),
        ["unknown-initial-value"] = ("TSM0004", "/registers/0/initial"),
        ["refresh-without-live"] = ("TSM0004", "/registers/1/refresh"),
        ["extend-without-extendable"] = ("TSM0004", "/registers/0/extend"),
        ["hash-and-hash-choices"] = ("TSM0004", "/registers/0/hashChoices"),
        ["no-hash"] = ("TSM0003", "/registers/0"),
        ["unknown-role"] = ("TSM0002", "/logical/aplication"),
        ["role-with-a-blank-description"] = ("TSM0004", "/logical/application/description"),
        ["role-on-one-hash-of-a-register"] = ("TSM0014", "/logical/application/register"),
        ["property-name-in-camel-case"] = ("TSM0005", "/reports/0/fields/0/propertyName"),
        ["bit-range-of-width-0"] = ("TSM0004", "/reports/0/fields/0/bits/abi/width"),
        ["when-with-equals-and-one-of"] = ("TSM0003", "/reports/0/fields/1/when"),
        ["count-zero"] = ("TSM0004", "/registers/0/count"),
        ["claim-set-without-claims"] = ("TSM0003", "/claimSets/0"),
        ["claim-size-zero"] = ("TSM0004", "/claimSets/0/claims/0/size"),
        ["alias-with-its-own-initial-value"] = ("TSM0004", "/registers/1/initial"),
        ["versions-without-version-field"] = ("TSM0009", "/reports/0/fields"),
        ["extendable-register-without-a-hash"] = ("TSM0004", "/registers/0/flags"),
        ["file-name-with-dot-dot"] = ("TSM0005", "/device/fileName"),
        ["unknown-file-name-placeholder"] = ("TSM0005", "/device/fileName"),

        // A key that belongs to other types: on the key's value, not on the object
        ["refresh-on-a-register-without-a-hash"] = ("TSM0004", "/registers/1/refresh"),
        ["size-from-on-a-u32-field"] = ("TSM0009", "/reports/0/fields/1/sizeFrom"),
        ["hash-on-a-bytes-field"] = ("TSM0004", "/reports/0/fields/0/hash"),
        ["hash-of-on-a-bytes-field"] = ("TSM0004", "/reports/0/fields/0/hashOf"),
        ["bits-on-a-u64-field"] = ("TSM0004", "/reports/0/fields/0/bits"),
        ["layout-on-a-bytes-field"] = ("TSM0004", "/reports/0/fields/0/layout"),
        ["layout-version-on-a-bytes-field"] = ("TSM0004", "/reports/0/fields/0/layoutVersion"),
        ["as-on-a-bytes-field"] = ("TSM0004", "/reports/0/fields/0/as"),
        ["as-that-is-a-bare-identifier"] = ("TSM0004", "/reports/0/fields/0/as"),
        ["as-with-an-empty-name-part"] = ("TSM0004", "/reports/0/fields/0/as"),
        ["register-on-a-u64-field"] = ("TSM0009", "/reports/0/fields/0/register"),
        ["version-field-with-version-from-parent"] = ("TSM0004", "/reports/0/versionField"),
        ["claim-set-on-a-bytes-claim"] = ("TSM0004", "/claimSets/0/claims/0/claimSet"),
        ["size-on-a-text-claim"] = ("TSM0004", "/claimSets/0/claims/0/size"),
        ["register-on-an-integer-claim"] = ("TSM0004", "/claimSets/0/claims/0/register"),
        ["both-layout-version-and-layout-version-from"] = ("TSM0004", "/reports/0/fields/1/layoutVersionFrom"),
        ["claim-size-together-with-register"] = ("TSM0004", "/claimSets/0/claims/0/size"),
        ["both-offset-and-after"] = ("TSM0004", "/reports/0/fields/1/after"),
        ["both-size-and-size-from"] = ("TSM0004", "/reports/0/fields/1/sizeFrom"),
        ["neither-offset-nor-after"] = ("TSM0003", "/reports/0/fields/0"),
        ["none-among-banks"] = ("TSM0004", "/registers/0/banks/1"),
        ["register-name-with-uppercase"] = ("TSM0005", "/registers/0/name"),
        ["cc-mr-index-above-255"] = ("TSM0004", "/registers/0/ccMrIndex"),
        ["bit-name-with-uppercase"] = ("TSM0005", "/reports/0/fields/0/bits/Debug"),
        ["field-name-with-a-hyphen"] = ("TSM0005", "/reports/0/fields/0/name"),
        ["report-name-with-uppercase"] = ("TSM0005", "/reports/0/name"),
        ["unknown-claim-type"] = ("TSM0004", "/claimSets/0/claims/0/type"),
        ["claim-property-name-in-camel-case"] = ("TSM0005", "/claimSets/0/claims/0/propertyName"),
        ["claim-set-name-with-a-hyphen"] = ("TSM0005", "/claimSets/0/name"),
        ["role-with-an-unknown-key"] = ("TSM0002", "/logical/application/pcr"),
        ["role-without-a-description"] = ("TSM0003", "/logical/application"),
        ["extend-input-size-zero"] = ("TSM0004", "/registers/0/extend/inputSize"),
    };

    /// <summary>
    /// Repeated items of a list that must not repeat: the JSON Schema states the rule (<c>uniqueItems</c>) but can only
    /// name the list, never the repeated item, so the JSON Schema rejects the list and the reader the repeated item.
    /// </summary>
    private static readonly Dictionary<string, (string Id, string List, string Item)> RepeatedItemRules = new()
    {
        ["repeated-flag"] = ("TSM0007", "/registers/0/flags", "/registers/0/flags/1"),
        ["repeated-pcr"] = ("TSM0007", "/registers/0/pcrs", "/registers/0/pcrs/1"),
        ["repeated-bank"] = ("TSM0007", "/registers/0/banks", "/registers/0/banks/1"),
    };

    /// <summary>
    /// Reader-only rules: a JSON Schema cannot state them (uniqueness, references, arithmetic on offsets), so the JSON
    /// Schema accepts the file, and the reader and the oracle reject it at the pointer.
    /// </summary>
    private static readonly Dictionary<string, (string Id, string Pointer)> ReaderOnlyRules = new()
    {
        ["duplicate-register-name"] = ("TSM0007", "/registers/1/name"),
        ["duplicate-field-name"] = ("TSM0007", "/reports/0/fields/1/name"),
        ["alias-of-a-missing-register"] = ("TSM0008", "/registers/1/aliasOf"),
        ["refresh-of-a-missing-register"] = ("TSM0008", "/registers/0/refresh/of/0"),
        ["field-linked-to-a-missing-register"] = ("TSM0008", "/reports/0/fields/0/register"),
        ["field-outside-the-layout"] = ("TSM0009", "/reports/0/fields/0/name"),
        ["overlapping-fields"] = ("TSM0009", "/reports/0/fields/1"),
        ["element-index-not-below-count"] = ("TSM0004", "/registers/0/elements/0/index"),
        ["role-on-a-read-only-register"] = ("TSM0014", "/logical/application/register"),
        ["two-roles-on-one-register"] = ("TSM0015", "/logical/application/register"),
        ["two-claims-with-one-key"] = ("TSM0007", "/claimSets/0/claims/1/key"),
        ["claim-set-reference-to-a-missing-claim-set"] = ("TSM0004", "/claimSets/0/claims/0/claimSet"),
        ["after-naming-a-later-field"] = ("TSM0009", "/reports/0/fields/0/after"),
        ["size-from-naming-a-bytes-field"] = ("TSM0009", "/reports/0/fields/1/sizeFrom"),
        ["version-field-that-is-not-a-field"] = ("TSM0009", "/reports/0/versionField"),
        ["check-on-a-missing-field"] = ("TSM0009", "/reports/0/checks/0/field"),
        ["alias-of-another-size"] = ("TSM0004", "/registers/1/aliasOf"),
        ["element-index-listed-twice"] = ("TSM0007", "/registers/0/elements/1/index"),
        ["layout-naming-a-missing-layout"] = ("TSM0009", "/reports/0/fields/0/layout"),
        ["hash-of-bytes-outside-the-layout"] = ("TSM0009", "/reports/0/fields/0/hashOf/size"),
        ["two-bit-ranges-that-overlap"] = ("TSM0009", "/reports/0/fields/0/bits/major"),
        ["duplicate-report-name"] = ("TSM0007", "/reports/1/name"),
        ["duplicate-claim-set-name"] = ("TSM0007", "/claimSets/1/name"),
    };

    private static string CorpusDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Tsm.Generators.Tests", "Schemas", "Corpus");

    public static TheoryData<string> SchemaRuleFiles() => new(SchemaRules.Keys);

    public static TheoryData<string> ReaderOnlyRuleFiles() => new(ReaderOnlyRules.Keys);

    public static TheoryData<string> RepeatedItemRuleFiles() => new(RepeatedItemRules.Keys);

    [Fact]
    public void Every_corpus_file_has_one_expectation_and_every_expectation_a_file()
    {
        string[] files = Directory.GetFiles(CorpusDirectory, "*.tsm.json").Select(static f => Path.GetFileName(f)[..^".tsm.json".Length]).Order(StringComparer.Ordinal).ToArray();

        string[] expected = SchemaRules.Keys.Concat(ReaderOnlyRules.Keys).Concat(RepeatedItemRules.Keys).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(expected.Distinct(StringComparer.Ordinal), expected);
        Assert.Equal(files, expected);
    }

    [Theory]
    [MemberData(nameof(SchemaRuleFiles))]
    public async Task The_json_schema_and_the_reader_reject_the_file_at_the_same_place(string file)
    {
        (string id, string pointer) = SchemaRules[file];
        string json = Read(file);
        using JsonDocument document = VendorJsonSchema.Parse(json);

        EvaluationResults results = VendorJsonSchema.Evaluate(document.RootElement);

        Assert.False(results.IsValid, $"the JSON Schema accepts {file}");
        Assert.True(
            VendorJsonSchema.ErrorNodes(results).Any(node => node.InstanceLocation.ToString() == pointer),
            $"the JSON Schema has no error at '{pointer}':\n{VendorJsonSchema.Describe(results)}");
        await AssertReaderRejects(file, json, id, pointer);
    }

    [Theory]
    [MemberData(nameof(ReaderOnlyRuleFiles))]
    public async Task A_rule_the_json_schema_cannot_state_is_caught_by_the_reader_and_the_oracle_at_the_same_place(string file)
    {
        (string id, string pointer) = ReaderOnlyRules[file];
        string json = Read(file);
        using JsonDocument document = VendorJsonSchema.Parse(json);

        EvaluationResults results = VendorJsonSchema.Evaluate(document.RootElement);
        List<string> problems = CrossReferenceRules.Check(document.RootElement);

        Assert.True(results.IsValid, $"the JSON Schema rejects {file}, so it is not a reader-only rule:\n{VendorJsonSchema.Describe(results)}");
        Assert.True(
            problems.Any(problem => problem.StartsWith(pointer + ": ", StringComparison.Ordinal)),
            $"the oracle has no problem at '{pointer}':\n  " + string.Join("\n  ", problems));
        await AssertReaderRejects(file, json, id, pointer);
    }

    [Theory]
    [MemberData(nameof(RepeatedItemRuleFiles))]
    public async Task A_repeated_item_is_rejected_by_the_json_schema_on_its_list_and_by_the_reader_on_the_item(string file)
    {
        (string id, string list, string item) = RepeatedItemRules[file];
        string json = Read(file);
        using JsonDocument document = VendorJsonSchema.Parse(json);

        EvaluationResults results = VendorJsonSchema.Evaluate(document.RootElement);

        Assert.Equal(list, Assert.Single(VendorJsonSchema.ErrorNodes(results)).InstanceLocation.ToString());
        Assert.StartsWith(list + "/", item, StringComparison.Ordinal);
        await AssertReaderRejects(file, json, id, item);
    }

    private static async Task AssertReaderRejects(string file, string json, string id, string pointer)
    {
        string path = "/corpus/" + file + ".tsm.json";
        JsonPointerPositions positions = JsonPointerPositions.Read(json);
        var expected = new[] { positions.ValueAt(pointer), positions.NameAt(pointer) }.OfType<(int Line, int Column)>().ToList();

        ImmutableArray<Diagnostic> diagnostics = await AnalyzerHarness.Analyze(new[] { GeneratorHarness.Schema(path, json) });

        var found = diagnostics.Select(static d => (d.Id, Start: d.Location.GetLineSpan().StartLinePosition)).Select(static d => $"{d.Id} at {d.Start.Line + 1}:{d.Start.Character + 1}").ToList();
        Assert.True(
            diagnostics.Any(d => d.Id == id && expected.Contains((d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1))),
            $"expected {id} at '{pointer}' ({string.Join(" or ", expected.Select(static e => $"{e.Line}:{e.Column}"))}), the reader reported: {string.Join(", ", found)}");
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(CorpusDirectory, file + ".tsm.json"));
}
