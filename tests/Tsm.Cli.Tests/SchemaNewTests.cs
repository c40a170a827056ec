using System.Text.Json;
using Json.Schema;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// <c>tsm schema new NAME [--out DIR]</c>: a vendor schema to start from, valid against the JSON Schema written beside
/// it (the repository's <c>schemas/tsm-vendor.schema.json</c>, built into the tool). Existing schemas are never
/// overwritten, and a name that is not a vendor id writes nothing; both exit with 2 and one line on stderr.
/// (That the generator accepts the file with no diagnostic is tested in Tsm.Package.Tests, with the packed tool.)
/// </summary>
public sealed class SchemaNewTests
{
    [Fact]
    public void New_writes_the_vendor_schema_and_the_json_schema_it_refers_to_beside_it()
    {
        using TempDirectory directory = new();

        CliResult result = TsmCli.Run("schema", "new", "acme-tee", "--out", directory.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains(directory.File("acme-tee.tsm.json"), result.Stdout);
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(directory.File("acme-tee.tsm.json")));
        Assert.Equal("./tsm-vendor.schema.json", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("acme-tee", schema.RootElement.GetProperty("vendor").GetString());
        Assert.Equal(File.ReadAllBytes(RepositoryFile.PathOf("schemas/tsm-vendor.schema.json")), File.ReadAllBytes(directory.File("tsm-vendor.schema.json")));
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("acme-tee")]
    [InlineData("x9-v2")]
    public void The_new_vendor_schema_is_valid_against_the_json_schema_written_with_it(string name)
    {
        using TempDirectory directory = new();

        Assert.Equal(0, TsmCli.Run("schema", "new", name, "--out", directory.Path).ExitCode);

        JsonSchema jsonSchema = JsonSchema.FromText(File.ReadAllText(directory.File("tsm-vendor.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(directory.File(name + ".tsm.json")));
        EvaluationResults results = jsonSchema.Evaluate(schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, JsonSerializer.Serialize(results));
    }

    [Fact]
    public void Out_creates_a_missing_directory()
    {
        using TempDirectory directory = new();
        string hardware = Path.Combine(directory.Path, "hardware", "acme");

        CliResult result = TsmCli.Run("schema", "new", "acme", "--out", hardware);

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(hardware, "acme.tsm.json")));
        Assert.True(File.Exists(Path.Combine(hardware, "tsm-vendor.schema.json")));
    }

    [Fact]
    public void An_existing_vendor_schema_is_not_overwritten_and_exits_with_2_and_one_line()
    {
        using TempDirectory directory = new();
        File.WriteAllText(directory.File("acme.tsm.json"), "my work");

        CliResult result = TsmCli.Run("schema", "new", "acme", "--out", directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tsm: {directory.File("acme.tsm.json")}: already exists; not overwritten", Assert.Single(result.StderrLines));
        Assert.Equal("", result.Stdout);
        Assert.Equal("my work", File.ReadAllText(directory.File("acme.tsm.json")));
        Assert.False(File.Exists(directory.File("tsm-vendor.schema.json")));
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("acme_tee")]
    [InlineData("acme--tee")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("1acme")]
    [InlineData("acme\n")]
    [InlineData("../acme")]
    public void A_name_that_is_not_a_vendor_id_writes_nothing_and_exits_with_2_and_one_line(string name)
    {
        using TempDirectory directory = new();

        CliResult result = TsmCli.Run("schema", "new", name, "--out", directory.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"^tsm: '.+' is not a vendor id: it must match ", Assert.Single(result.StderrLines));
        Assert.Contains("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", result.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public void Help_lists_the_schema_command()
    {
        CliResult result = TsmCli.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("schema", result.Stdout);
    }
}
