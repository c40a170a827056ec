using System.CommandLine;
using System.Linq;

namespace Tsm.Cli.Commands;

/// <summary>The required <c>--vendor</c> option of the register commands, completing to the shipped vendor ids.</summary>
internal static class VendorOption
{
    public static Option<string> Create()
    {
        Option<string> vendor = new("--vendor") { Description = "The platform: " + string.Join(", ", VendorCatalog.Names) + ".", Required = true, HelpName = "VENDOR" };
        vendor.AcceptOnlyFromAmong(VendorCatalog.Names.ToArray());
        return vendor;
    }
}
