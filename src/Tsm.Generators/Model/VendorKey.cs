using System.Linq;
using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// Which file generates which top-level C# types (its vendor class first); collected to find two schemas that would
/// generate one type (<see cref="Schema.TypeOwnership"/>).
/// </summary>
internal sealed record VendorKey(string Vendor, string ClassName, string Path, EquatableArray<string> TypeNames)
{
    /// <summary>The key of a valid schema: its vendor class, its report views and its claim sets, all in one namespace.</summary>
    public static VendorKey From(VendorSpec spec, string path) => new(
        spec.Vendor,
        spec.ClassName,
        path,
        new[] { spec.ClassName }
            .Concat(spec.Reports.Select(static r => r.TypeName))
            .Concat(spec.ClaimSets.Select(static c => c.TypeName))
            .ToEquatableArray());
}
