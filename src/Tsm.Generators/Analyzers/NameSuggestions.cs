using System;
using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;

namespace Tsm.Generators.Analyzers;

/// <summary>The TSM1003 message for a name that does not resolve, and the closest valid names (Levenshtein, case-insensitive).</summary>
internal static class NameSuggestions
{
    private const int MaxSuggestions = 4;

    public sealed record Result(string Message, IReadOnlyList<string> Suggestions);

    public static Result For(VendorModel vendor, string name, IReadOnlyList<RegisterSpec>? variants)
    {
        if (variants is not null)
        {
            List<string> qualified = variants.Select(static v => v.QualifiedName).ToList();
            return new Result(
                $"{vendor.DisplayName} has several registers named '{name}', one per hash; say which: {string.Join(", ", qualified)}",
                qualified);
        }

        List<string> suggestions = Closest(vendor, name);
        string range = ArrayRange(vendor, name);
        string message = $"{vendor.DisplayName} has no register '{name}'" +
            (range.Length > 0 ? " (" + range + ")" : string.Empty) +
            (suggestions.Count > 0 ? "; closest: " + string.Join(", ", suggestions) : string.Empty) +
            "; valid names: " + string.Join(", ", vendor.NameParts()) +
            " (a name:hash or a file name also works)";
        return new Result(message, suggestions);
    }

    private static List<string> Closest(VendorModel vendor, string name)
    {
        bool qualified = name.IndexOf(':') >= 0 || name.IndexOf('/') >= 0;
        var candidates = new List<(string Key, string Suggestion, int Order)>();
        int order = 0;
        foreach (RegisterSpec register in vendor.Spec.Registers)
        {
            order++;
            if (!qualified)
            {
                candidates.Add((register.Name, vendor.UserFacingName(register), order));
            }
            else if (register.HashChoices.Count > 0)
            {
                foreach (string hash in register.HashChoices)
                {
                    candidates.Add((register.Name + ":" + hash, register.Name + ":" + hash, order));
                }
            }
            else
            {
                candidates.Add((register.QualifiedName, register.QualifiedName, order));
                if (register.FileName != register.QualifiedName)
                {
                    candidates.Add((register.FileName, register.FileName, order));
                }
            }
        }

        string lower = name.ToLowerInvariant();
        var scored = candidates
            .Select(c => (c.Suggestion, c.Order, Distance: Levenshtein(lower, c.Key.ToLowerInvariant()), Prefix: CommonPrefix(lower, c.Key.ToLowerInvariant()), LengthGap: Math.Abs(c.Key.Length - name.Length)))
            .ToList();
        if (scored.Count == 0)
        {
            return new List<string>();
        }

        int best = scored.Min(static s => s.Distance);
        int threshold = Math.Max(2, name.Length / 3);
        if (best > threshold)
        {
            return new List<string>();
        }

        return scored
            .Where(s => s.Distance == best)
            .OrderByDescending(static s => s.Prefix)
            .ThenBy(static s => s.LengthGap)
            .ThenBy(static s => s.Order)
            .Select(static s => s.Suggestion)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
    }

    /// <summary>"rtmr0 to rtmr3 exist" when the name looks like an element of one of the vendor's arrays.</summary>
    private static string ArrayRange(VendorModel vendor, string name)
    {
        string bare = name.IndexOf(':') is int colon && colon > 0 ? name.Substring(0, colon) : name;
        int digits = bare.Length;
        while (digits > 0 && char.IsDigit(bare[digits - 1]))
        {
            digits--;
        }

        if (digits == 0 || digits == bare.Length)
        {
            return string.Empty;
        }

        string array = bare.Substring(0, digits).ToLowerInvariant();
        RegisterGroupSpec? group = vendor.Spec.Groups.FirstOrDefault(g => g.ArrayName == array);
        return group is null
            ? string.Empty
            : $"{group.ArrayName}0 to {group.ArrayName}{VendorModel.Invariant(group.PropertyNames.Count - 1)} exist";
    }

    private static int CommonPrefix(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    public static int Levenshtein(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
