using Tsm.Attestation;
using Tsm.Cli.Tests.Infrastructure;

namespace Tsm.Cli.Tests;

/// <summary>
/// The CLI knows everything the generated <see cref="TsmCatalog"/> of Tsm.Attestation lists: a shipped layout that
/// <c>tsm decode</c> could not be told to read, or a vendor the register commands refuse, fails here.
/// </summary>
public sealed class CatalogAgreementTests
{
    public static TheoryData<string> Layouts() => new(TsmCatalog.Layouts);

    public static TheoryData<string> Vendors() => new(TsmCatalog.Vendors);

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_layout_of_the_catalog_is_a_format_decode_accepts_and_parses_with_its_own_parser(string layout)
    {
        using TempFile file = new([0]);

        CliResult result = TsmCli.Run("decode", "--format", layout, file.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(": not a valid ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Vendors))]
    public void Every_vendor_of_the_catalog_has_its_registers_listed_on_the_emulator(string vendor)
    {
        CliResult result = TsmCli.Run("registers", "--vendor", vendor, "--backend", "emulated");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(TsmCatalog.Definitions.Single(d => d.Vendor == vendor).Registers[0].Name, result.Stdout, StringComparison.Ordinal);
    }
}
