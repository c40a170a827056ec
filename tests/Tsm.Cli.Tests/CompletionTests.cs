using Tsm.Attestation;
using Tsm.Cli.Commands;
using Tsm.Cli.Decoding;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// What a shell completes after an option comes from where <c>tsm</c> gets its values (the catalog, the report
/// vendors, the roles), so a new schema or vendor completes without a change to the CLI; input files complete to
/// file names.
/// </summary>
public sealed class CompletionTests
{
    public static TheoryData<string> Vendors() => new(TsmCatalog.Vendors);

    [Fact]
    public void Decode_format_completes_to_auto_and_every_format_of_the_catalog()
    {
        Assert.Equal(["auto", .. ReportFormat.Names], Complete("decode --format "), Unordered);
        Assert.Superset(TsmCatalog.Layouts.ToHashSet(), Complete("decode --format ").ToHashSet());
    }

    [Theory]
    [InlineData("registers --vendor ")]
    [InlineData("extend --vendor ")]
    [InlineData("log record --vendor ")]
    public void A_register_command_vendor_completes_to_the_shipped_vendors(string commandLine)
    {
        Assert.Equal(TsmCatalog.Vendors, Complete(commandLine), Unordered);
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public void Extend_register_completes_to_the_extendable_registers_of_the_vendor_given(string vendor)
    {
        DeviceDefinition definition = TsmCatalog.Definitions.Single(d => d.Vendor == vendor);

        string[] completions = Complete($"extend --vendor {vendor} ");

        Assert.Superset(definition.Registers.Where(r => r.IsExtendable).Select(r => r.QualifiedName).ToHashSet(), completions.ToHashSet());
        Assert.DoesNotContain(completions, name => definition.Registers.Any(r => r.QualifiedName == name && !r.IsExtendable));
    }

    [Fact]
    public void Extend_register_completes_a_banked_register_by_its_bare_name_for_every_bank()
    {
        Assert.Contains("pcr16", Complete("extend --vendor tpm "));
    }

    [Fact]
    public void Report_vendor_completes_to_the_vendors_it_makes_evidence_for()
    {
        Assert.Equal(ReportVendor.All, Complete("report --vendor "), Unordered);
    }

    [Fact]
    public void Log_role_completes_to_the_measurement_roles()
    {
        Assert.Equal(MeasurementRoleNames.All(), Complete("log record --role "), Unordered);
    }

    [Theory]
    [InlineData("registers --backend ")]
    [InlineData("extend --backend ")]
    [InlineData("log verify --backend ")]
    public void A_register_command_backend_completes_to_the_fixed_part_of_every_backend_form(string commandLine)
    {
        Assert.Equal(BackendSpec.Forms, Complete(commandLine), Unordered);
    }

    [Fact]
    public void Report_backend_completes_to_the_kernel_and_the_emulator()
    {
        Assert.Equal(["configfs", "emulated", "emulated:"], Complete("report --backend "), Unordered);
    }

    [Fact]
    public void Log_show_register_completes_to_every_register_an_aael_can_extend()
    {
        string[] completions = Complete("log show events.log --register ");

        Assert.Equal(LogFiles.ExtendableRegisters, completions, Unordered);
        Assert.Equal(24 + 4 + 4, completions.Length);
    }

    [Fact]
    public void A_register_that_is_not_extendable_is_a_usage_error_before_the_log_is_read()
    {
        CliResult result = TsmCli.Run("log", "show", "/nonexistent/events.log", "--register", "mrtd");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["tsm: --register 'mrtd' is not a register an AAEL can extend: pcr0..pcr23, rtmr0..rtmr3, rem0..rem3 (see 'tsm log show --help')"], result.StderrLines);
    }

    [Fact]
    public void A_value_outside_the_completions_is_refused()
    {
        CliResult result = TsmCli.Run("registers", "--vendor", "acme");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'acme'", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_file_completes_to_the_entries_of_the_directory_typed_so_far()
    {
        using TempDirectory directory = new();
        File.WriteAllBytes(directory.File("quote.dat"), [0]);
        File.WriteAllBytes(directory.File("report.bin"), [0]);
        Directory.CreateDirectory(directory.File("quotes"));

        string[] completions = Complete($"verify {directory.Path}/quo");

        Assert.Equal([$"{directory.Path}/quote.dat", $"{directory.Path}/quotes/"], completions);
    }

    [Theory]
    [InlineData("report --out ")]
    [InlineData("report --test-root-out ")]
    [InlineData("log record --log ")]
    [InlineData("schema new acme --out ")]
    public void A_file_to_write_completes_to_file_names_too(string option)
    {
        using TempDirectory directory = new();
        Directory.CreateDirectory(directory.File("hardware"));

        Assert.Equal([$"{directory.Path}/hardware/"], Complete($"{option}{directory.Path}/h"));
    }

    [Theory]
    [InlineData("decode", "<FILE>")]
    [InlineData("log replay", "<FILE>")]
    [InlineData("extend", "<REGISTER>")]
    [InlineData("report", "--backend <BACKEND>")]
    public void Help_names_a_value_rather_than_listing_its_completions(string command, string placeholder)
    {
        CliResult result = TsmCli.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"  {placeholder} ", result.Stdout, StringComparison.Ordinal);
    }

    private static string[] Complete(string commandLine) =>
        TsmCommandLine.Create().Parse(commandLine).GetCompletions().Select(static c => c.Label).ToArray();

    private static readonly IEqualityComparer<IEnumerable<string>> Unordered = new SetComparer();

    private sealed class SetComparer : IEqualityComparer<IEnumerable<string>>
    {
        public bool Equals(IEnumerable<string>? x, IEnumerable<string>? y) => x!.Order(StringComparer.Ordinal).SequenceEqual(y!.Order(StringComparer.Ordinal));

        public int GetHashCode(IEnumerable<string> obj) => 0;
    }
}
