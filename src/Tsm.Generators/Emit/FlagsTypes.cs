using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>
/// The flags types of a vendor, nested in its class and shared by every layout whose field has the same name and
/// bits, so <c>report.TdAttributes == quote.Body.TdAttributes</c> compares: a TDREPORT and a quote body report the same
/// TD attributes. Same-named flags with different bits get the layout's type name as a prefix.
/// </summary>
internal static class FlagsTypes
{
    /// <summary>Every distinct flags type: its name in the vendor class and the first field that defines it.</summary>
    public static IReadOnlyList<(string Name, ReportSpec Report, ReportFieldSpec Field)> Distinct(VendorSpec vendor)
    {
        var result = new List<(string Name, ReportSpec Report, ReportFieldSpec Field)>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach ((ReportSpec report, ReportFieldSpec field) in All(vendor))
        {
            string name = NameOf(vendor, report, field);
            if (seen.Add(name))
            {
                result.Add((name, report, field));
            }
        }

        return result;
    }

    /// <summary>The name of <paramref name="field"/>'s flags type inside the vendor class.</summary>
    public static string NameOf(VendorSpec vendor, ReportSpec report, ReportFieldSpec field)
    {
        string plain = field.PropertyName + "Flags";
        bool clash = All(vendor).Any(other => other.Field.PropertyName == field.PropertyName && !SameShape(other.Field, field));
        return clash ? report.TypeName + plain : plain;
    }

    private static IEnumerable<(ReportSpec Report, ReportFieldSpec Field)> All(VendorSpec vendor) =>
        vendor.Reports.SelectMany(static r => r.Fields.Where(static f => f.Type == FieldType.Flags).Select(f => (r, f)));

    private static bool SameShape(ReportFieldSpec a, ReportFieldSpec b) => a.Length == b.Length && a.Bits == b.Bits;
}
