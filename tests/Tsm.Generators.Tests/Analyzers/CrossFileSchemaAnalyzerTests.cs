using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Analyzers;

/// <summary>
/// The cross-file checks of <see cref="SchemaFileAnalyzer"/> (issue 8 §1) through Microsoft.CodeAnalysis.Testing, as
/// the IDE and <c>dotnet build</c> run it: every schema of the compilation is known to each file's analysis, the file
/// whose path sorts first generates a contested type, and every later one gets TSM0011 (its vendor class) or TSM0016
/// (any other type) on the JSON token that names the type, at the line and column asserted here.
/// </summary>
public sealed class CrossFileSchemaAnalyzerTests
{
    private const string Registers = """  "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ]""";

    [Fact]
    public async Task A_second_file_with_the_same_vendor_gets_TSM0011_on_its_vendor_value()
    {
        string first = Schema("acme");
        string second = Schema("acme");
        var test = NewTest(("/0/a/acme.tsm.json", first), ("/0/b/acme.tsm.json", second));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.DuplicateVendor, "/0/b/acme.tsm.json", second, "\"acme\"", 2, 13).WithArguments("acme", "Acme", "/0/a/acme.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Vendor_ids_with_one_class_name_are_the_same_vendor()
    {
        string first = Schema("acme-1");
        string second = Schema("acme1");
        var test = NewTest(("/0/a.tsm.json", second), ("/0/b.tsm.json", first));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.DuplicateVendor, "/0/b.tsm.json", first, "\"acme-1\"", 2, 13).WithArguments("acme-1", "Acme1", "/0/a.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Only_files_after_the_first_are_reported_whatever_order_the_project_lists_them_in()
    {
        string schema = Schema("acme");
        var test = NewTest(("/0/z.tsm.json", schema), ("/0/m.tsm.json", schema), ("/0/a.tsm.json", schema));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.DuplicateVendor, "/0/m.tsm.json", schema, "\"acme\"", 2, 13).WithArguments("acme", "Acme", "/0/a.tsm.json"));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.DuplicateVendor, "/0/z.tsm.json", schema, "\"acme\"", 2, 13).WithArguments("acme", "Acme", "/0/a.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_file_that_is_not_generated_gets_only_the_reason_and_no_as_type_diagnostic()
    {
        string schema = Schema("acme", """  "reports": [ { "name": "r", "size": 8, "fields": [ { "name": "f", "offset": 0, "size": 8, "type": "u64", "as": "Contoso.Missing" } ] } ]""");
        var test = NewTest(("/0/a/acme.tsm.json", schema), ("/0/b/acme.tsm.json", schema));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.UnusableAsType, "/0/a/acme.tsm.json", schema, "\"Contoso.Missing\"", 6, 114)
            .WithArguments("Contoso.Missing", "is not in the compilation", "ulong", "reference the assembly that defines it, or name in 'as' a struct with an accessible constructor taking a ulong"));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.DuplicateVendor, "/0/b/acme.tsm.json", schema, "\"acme\"", 2, 13).WithArguments("acme", "Acme", "/0/a/acme.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_report_type_of_a_shipped_schema_in_a_user_schema_gets_TSM0016_on_its_typeName()
    {
        string user = Schema("acme", """  "reports": [ { "name": "r", "typeName": "TdReport", "size": 8, "fields": [ { "name": "f", "offset": 0, "size": 8, "type": "u64" } ] } ]""");
        var test = NewTest(ShippedAnd(("/1/acme.tsm.json", user)));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.TypeNameCollision, "/1/acme.tsm.json", user, "\"TdReport\"", 6, 43).WithArguments("report 'r'", "TdReport", "/0/tdx.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_report_named_without_typeName_is_reported_on_its_name()
    {
        string user = Schema("acme", """  "reports": [ { "name": "sgx_report_body", "size": 8, "fields": [ { "name": "f", "offset": 0, "size": 8, "type": "u64" } ] } ]""");
        var test = NewTest(ShippedAnd(("/1/acme.tsm.json", user)));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.TypeNameCollision, "/1/acme.tsm.json", user, "\"sgx_report_body\"", 6, 26).WithArguments("report 'sgx_report_body'", "SgxReportBody", "/0/tdx.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_vendor_class_named_like_another_schemas_report_gets_TSM0016_on_its_vendor_value()
    {
        string user = Schema("td-report");
        var test = NewTest(ShippedAnd(("/1/td-report.tsm.json", user)));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.TypeNameCollision, "/1/td-report.tsm.json", user, "\"td-report\"", 2, 13).WithArguments("vendor 'td-report'", "TdReport", "/0/tdx.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_claim_set_type_of_another_schema_gets_TSM0016_on_its_name()
    {
        string first = Schema("acme", """  "claimSets": [ { "name": "evidence", "claims": [ { "name": "a", "key": 1, "type": "bytes" } ] } ]""");
        string second = Schema("other", """  "claimSets": [ { "name": "evidence", "claims": [ { "name": "a", "key": 1, "type": "bytes" } ] } ]""");
        var test = NewTest(("/0/acme.tsm.json", first), ("/0/other.tsm.json", second));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.TypeNameCollision, "/0/other.tsm.json", second, "\"evidence\"", 6, 28).WithArguments("claim set 'evidence'", "Evidence", "/0/acme.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_file_that_loses_claims_nothing_so_a_third_file_that_clashes_only_with_it_is_generated()
    {
        // b loses its class to a, so b's report type Shared is not generated and c may generate it.
        string a = Schema("acme");
        string b = Schema("acme", """  "reports": [ { "name": "shared", "size": 8, "fields": [ { "name": "f", "offset": 0, "size": 8, "type": "u64" } ] } ]""");
        string c = Schema("other", """  "reports": [ { "name": "shared", "size": 8, "fields": [ { "name": "f", "offset": 0, "size": 8, "type": "u64" } ] } ]""");
        var test = NewTest(("/0/a.tsm.json", a), ("/0/b.tsm.json", b), ("/0/c.tsm.json", c));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.DuplicateVendor, "/0/b.tsm.json", b, "\"acme\"", 2, 13).WithArguments("acme", "Acme", "/0/a.tsm.json"));

        await test.RunAsync();
    }

    [Fact]
    public async Task A_broken_schema_takes_no_part_in_the_cross_file_checks()
    {
        string valid = Schema("acme");
        string broken = Schema("acme").Replace("\"Acme TEE\"", "1", StringComparison.Ordinal);
        var test = NewTest(("/0/a.tsm.json", broken), ("/0/b.tsm.json", valid));
        test.ExpectedDiagnostics.Add(At(DiagnosticDescriptors.InvalidValue, "/0/a.tsm.json", broken, "1", 3, 18).WithArguments("'displayName' of the schema must be a string"));

        await test.RunAsync();
    }

    /// <summary>A one-register schema for <paramref name="vendor"/>, the vendor value always at line 2, column 13, and <paramref name="section"/> as line 6.</summary>
    private static string Schema(string vendor, string? section = null) => $$"""
        {
          "vendor": "{{vendor}}",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
        {{Registers}}{{(section is null ? string.Empty : ",\n" + section)}}
        }
        """;

    /// <summary>The shipped schemas as <c>/0/{name}</c>, which sorts before the user's files under <c>/1/</c>.</summary>
    private static (string Path, string Text)[] ShippedAnd(params (string Path, string Text)[] files) => RepositoryPaths.ShippedSchemas()
        .Select(static p => ("/0/" + Path.GetFileName(p), File.ReadAllText(p)))
        .Concat(files)
        .ToArray();

    /// <summary>
    /// The expected diagnostic on <paramref name="token"/> (its first occurrence after line 1), checked against the line and
    /// column the test states so the table stays readable and a moved token fails loudly.
    /// </summary>
    private static DiagnosticResult At(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string path, string json, string token, int line, int column)
    {
        int offset = json.IndexOf(token, json.IndexOf('\n', StringComparison.Ordinal), StringComparison.Ordinal);
        string before = json[..offset];
        Assert.Equal(line, before.Count(static c => c == '\n') + 1);
        Assert.Equal(column, offset - before.LastIndexOf('\n'));
        return new DiagnosticResult(descriptor).WithSpan(path, line, column, line, column + token.Length);
    }

    private static CSharpAnalyzerTest<SchemaFileAnalyzer, DefaultVerifier> NewTest(params (string Path, string Text)[] files)
    {
        var test = new CSharpAnalyzerTest<SchemaFileAnalyzer, DefaultVerifier>();
        SchemaAnalyzerTesting.Configure(test);
        test.TestState.MarkupHandling = MarkupMode.None;
        foreach ((string path, string text) in files)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.TestState.AnalyzerConfigFiles.Add((SchemaAnalyzerTesting.GlobalConfigPath, SchemaAnalyzerTesting.MarkAsSchemas(files.Select(static f => f.Path).ToArray())));
        return test;
    }
}
