using System;
using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Json;

namespace Tsm.Generators.Schema;

/// <summary>
/// The allowed key a mistyped one most likely meant: within two edits (insert, delete, substitute, or swap two
/// neighbours) and not already present in the object, so <c>"hashh"</c> suggests <c>hash</c> but a stray key next to a
/// real <c>hash</c> does not.
/// </summary>
internal static class KeySuggestion
{
    private const int MaxEdits = 2;

    public static string? Closest(string key, string[] allowedKeys, JsonObject json) =>
        Closest(key, allowedKeys.Where(candidate => !json.TryGetProperty(candidate, out _)));

    /// <summary>The candidate within two edits of <paramref name="key"/>, the closest first; null when none is that close.</summary>
    public static string? Closest(string key, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = MaxEdits + 1;
        foreach (string candidate in candidates)
        {
            int distance = Distance(key, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // Optimal string alignment distance, case-insensitive (a "Hash" key is the same typo as "hashh").
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > MaxEdits)
        {
            return MaxEdits + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
