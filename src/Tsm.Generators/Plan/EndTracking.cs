using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;

namespace Tsm.Generators.Plan;

/// <summary>
/// Decides the <see cref="EndUpdate"/> of each field occurrence by walking the fields in parse order with the set of
/// places the end may currently come from (the fixed part, or fields by name). A field removes from that set what it
/// surely reaches past: the fixed part or a field at constant places, when even its own shortest form ends there or
/// later, and every field it is placed after, directly or through others (a field starts where its predecessor ends
/// and has no negative length). When nothing is left, its end is the report's end so far. A field that may be absent removes nothing for the fields
/// that follow, since without it the end is what it was; those placed after it run only when it is there.
/// </summary>
internal static class EndTracking
{
    private const string FixedPart = "";

    /// <param name="byName">The layout's field occurrences by name.</param>
    /// <param name="dynamic">Which occurrences the parse finds (the only ones that move the end).</param>
    /// <returns>One update per occurrence, in the order of <see cref="ReportSpec.Fields"/>.</returns>
    public static IReadOnlyList<EndUpdate> Decide(VendorSpec vendor, ReportSpec report, ILookup<string, ReportFieldSpec> byName, System.Func<ReportFieldSpec, bool> dynamic)
    {
        var shortest = new Dictionary<string, long>(System.StringComparer.Ordinal);
        var updates = new List<EndUpdate>();
        var sources = new HashSet<string>(System.StringComparer.Ordinal) { FixedPart };
        foreach (ReportFieldSpec field in report.Fields)
        {
            if (!dynamic(field) || field.Name == report.VersionField)
            {
                updates.Add(EndUpdate.Unchanged);
                continue;
            }

            long start = field.Placement.After is string after ? ShortestEnd(vendor, byName, after, shortest) : field.ConstantOffset();
            long end = start + ShortestLength(vendor, field);
            bool constant = field.Placement.After is null && field.Length.From is null;
            if (constant && end <= report.Size && sources.SetEquals(new[] { FixedPart }))
            {
                updates.Add(EndUpdate.Unchanged);
                continue;
            }

            HashSet<string> before = Predecessors(byName, field);
            var remaining = new HashSet<string>(sources.Where(s => !Reaches(report, byName, s, end, before)), System.StringComparer.Ordinal);
            updates.Add(remaining.Count == 0 ? EndUpdate.Becomes : EndUpdate.AtLeast);
            if (!field.IsConditional)
            {
                sources = remaining;
            }

            sources.Add(field.Name);
        }

        return updates;
    }

    /// <summary>
    /// Whether a field whose shortest end is <paramref name="end"/> and that is placed after <paramref name="before"/>
    /// surely ends at or past <paramref name="source"/>: the fixed part, a predecessor, or a field at constant places
    /// that all end no further.
    /// </summary>
    private static bool Reaches(ReportSpec report, ILookup<string, ReportFieldSpec> byName, string source, long end, HashSet<string> before)
    {
        if (source == FixedPart)
        {
            return end >= report.Size;
        }

        IEnumerable<ReportFieldSpec> occurrences = byName[source];
        return before.Contains(source)
            || occurrences.All(static f => f.Placement.After is null && f.Length.From is null) && occurrences.Max(static f => (long)f.ConstantOffset() + f.ConstantSize()) <= end;
    }

    /// <summary>The fields <paramref name="field"/> is placed after, directly or through others; for a variant, those every occurrence is after.</summary>
    private static HashSet<string> Predecessors(ILookup<string, ReportFieldSpec> byName, ReportFieldSpec field)
    {
        var predecessors = new HashSet<string>(System.StringComparer.Ordinal);
        string? after = field.Placement.After;
        while (after is not null && predecessors.Add(after))
        {
            IEnumerable<ReportFieldSpec> occurrences = byName[after];
            string? next = occurrences.First().Placement.After;
            after = occurrences.All(o => o.Placement.After == next) ? next : null;
        }

        return predecessors;
    }

    /// <summary>The least offset any occurrence of the field named <paramref name="name"/> can end at in bytes that validate.</summary>
    private static long ShortestEnd(VendorSpec vendor, ILookup<string, ReportFieldSpec> byName, string name, Dictionary<string, long> known)
    {
        if (known.TryGetValue(name, out long end))
        {
            return end;
        }

        // A placeholder breaks a cycle the reader would have rejected: nothing is shorter than zero.
        known[name] = 0;
        end = byName[name].Min(f => (f.Placement.After is string after ? ShortestEnd(vendor, byName, after, known) : f.ConstantOffset()) + ShortestLength(vendor, f));
        known[name] = end;
        return end;
    }

    /// <summary>A constant size, or for a size read from another field the least the parse accepts: a nested layout's fixed part, otherwise nothing.</summary>
    private static long ShortestLength(VendorSpec vendor, ReportFieldSpec field)
    {
        if (field.Length.Size is int size)
        {
            return size;
        }

        return field.Nested is NestedLayoutSpec nested ? vendor.Reports.First(r => r.Name == nested.Layout).Size : 0;
    }
}
