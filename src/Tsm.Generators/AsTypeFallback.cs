using System;
using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Helpers;
using Tsm.Generators.Model;

namespace Tsm.Generators;

/// <summary>
/// The generator's side of an <c>as</c> type the compilation lacks: such a field is emitted as its plain integer, so a
/// missing reference or a typo costs the typed view, never the build (<see cref="Diagnostics.SchemaFileAnalyzer"/>
/// reports TSM0017). The names and their resolution travel as plain values (names and integer widths), so a C# edit
/// that resolves them the same way leaves every vendor output cached.
/// </summary>
internal static class AsTypeFallback
{
    /// <summary>Every distinct <c>as</c> name of <paramref name="spec"/> with its field's integer, in ordinal order.</summary>
    public static EquatableArray<(string Name, IntegerWidth Integer)> Names(VendorSpec spec) => spec.Reports
        .SelectMany(static r => r.Fields)
        .Where(static f => f.As is not null)
        .Select(static f => (f.As!, IntegerOf(f)))
        .Distinct()
        .OrderBy(static n => n.Item1, StringComparer.Ordinal)
        .ThenBy(static n => n.Item2)
        .ToEquatableArray();

    /// <summary>The names of every vendor, once each, in ordinal order.</summary>
    public static EquatableArray<(string Name, IntegerWidth Integer)> Merge(IEnumerable<EquatableArray<(string Name, IntegerWidth Integer)>> names) => names
        .SelectMany(static n => n)
        .Distinct()
        .OrderBy(static n => n.Name, StringComparer.Ordinal)
        .ThenBy(static n => n.Integer)
        .ToEquatableArray();

    /// <summary><paramref name="spec"/> with <c>as</c> dropped from each field whose type is in <paramref name="unusable"/>.</summary>
    public static VendorSpec Apply(VendorSpec spec, EquatableArray<(string Name, IntegerWidth Integer)> unusable)
    {
        if (unusable.Count == 0 || !spec.Reports.Any(r => r.Fields.Any(f => IsUnusable(f, unusable))))
        {
            return spec;
        }

        return spec with
        {
            Reports = spec.Reports
                .Select(r => r with { Fields = r.Fields.Select(f => IsUnusable(f, unusable) ? f with { As = null } : f).ToEquatableArray() })
                .ToEquatableArray(),
        };
    }

    private static bool IsUnusable(ReportFieldSpec field, EquatableArray<(string Name, IntegerWidth Integer)> unusable) =>
        field.As is not null && unusable.Contains((field.As, IntegerOf(field)));

    // The reader allows 'as' only on u32 and u64 fields, which have a constant size.
    private static IntegerWidth IntegerOf(ReportFieldSpec field) => field.Type.Integer(field.ConstantSize())!.Value;
}
