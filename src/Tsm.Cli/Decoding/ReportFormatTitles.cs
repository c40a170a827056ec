using System.Linq;
using Tsm.Attestation;

namespace Tsm.Cli.Decoding;

/// <summary>
/// Titles for people of the catalog's layouts. A schema names a layout but gives it no title, so the shipped layouts
/// keep the titles <c>tsm</c> has always printed, and any other layout is called by its vendor's display name and
/// its parser's type (e.g. "Acme AcmeReport"): a new schema decodes without an edit here.
/// </summary>
internal static class ReportFormatTitles
{
    /// <summary>The title of the catalog layout <paramref name="layout"/>.</summary>
    public static string Of(string layout) => layout switch
    {
        "tdquote" => "Intel TDX quote",
        "tdreport" => "Intel TDX TDREPORT",
        "snpreport" => "AMD SEV-SNP attestation report",
        _ => $"{TsmCatalog.Definitions.Single(d => d.Vendor == TsmCatalog.LayoutVendor(layout)).DisplayName} {TsmCatalog.LayoutTypeName(layout)}",
    };
}
