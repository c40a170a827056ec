using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>Reduces a <see cref="VendorSpec"/> to the <see cref="CatalogVendor"/> the generated catalog needs.</summary>
internal static class CatalogReduction
{
    public static CatalogVendor Reduce(VendorSpec spec)
    {
        var nested = new HashSet<string>(spec.Reports.SelectMany(static r => r.Fields).Where(static f => f.Nested is not null).Select(static f => f.Nested!.Layout), System.StringComparer.Ordinal);
        EquatableArray<CatalogLayout> layouts = spec.Reports
            .Where(r => !nested.Contains(r.Name))
            .Select(static r => new CatalogLayout(r.Name, r.TypeName, r.IsFixed, VersionProperty(r), Signature(r)))
            .ToEquatableArray();
        return new CatalogVendor(spec.Vendor, spec.ClassName, layouts, spec.ClaimSets.Select(static c => c.TypeName).ToEquatableArray());
    }

    // The version a layout reads from its own bytes: an integer field every version has (a version handed down by a
    // parent layout is not the outermost layout's to report).
    private static string? VersionProperty(ReportSpec report) => report.VersionFromParent
        ? null
        : report.Fields.FirstOrDefault(f => f.Name == report.VersionField) is { IsInteger: true, IsConditional: false } field ? field.PropertyName : null;

    // The checks on integer fields every version has at the same offset: those a detector can test on the leading bytes.
    private static EquatableArray<CatalogCheck> Signature(ReportSpec report) => report.Checks
        .Select(check => (Check: check, Field: report.Fields.FirstOrDefault(f => f.Name == check.Field)))
        .Where(static c => c.Field is { IsInteger: true, IsDynamic: false, IsConditional: false })
        .Select(static c => new CatalogCheck(c.Field!.Name, c.Field.ConstantOffset(), c.Field.ConstantSize(), c.Check.Allowed))
        .OrderBy(static c => c.Offset)
        .ToEquatableArray();
}
