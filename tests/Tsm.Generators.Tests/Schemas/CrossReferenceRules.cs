using System.Globalization;
using System.Text.Json;

namespace Tsm.Generators.Tests.Schemas;

/// <summary>
/// The rules of docs/schema.md that a JSON Schema cannot state, checked independently of the generator with
/// System.Text.Json: unique register names after array expansion (crypto agility: one name, several hashes), element
/// indexes below <c>count</c> and unique, <c>aliasOf</c>/<c>refresh.of</c>/<c>register</c> targets that exist with a
/// matching size, <c>logical</c> roles on distinct extendable non-alias registers; the report-layout rules are in <see cref="LayoutRules"/>, the claim-set rules in
/// <see cref="ClaimSetRules"/>. Input must already be valid against
/// tsm-vendor.schema.json.
/// </summary>
internal static class CrossReferenceRules
{
    private static readonly Dictionary<string, int> DigestSizes = new(StringComparer.Ordinal)
    {
        ["sha1"] = 20,
        ["sha224"] = 28,
        ["sha256"] = 32,
        ["sha384"] = 48,
        ["sha512"] = 64,
        ["sm3"] = 32,
        ["sha3-256"] = 32,
        ["sha3-384"] = 48,
        ["sha3-512"] = 64,
    };

    /// <summary>One addressable register after expansion: <c>rtmr3</c> under sha384, <c>pcr7</c> in the sha256 bank, <c>mrowner</c> (no hash).</summary>
    private sealed record Expanded(string Name, string Hash, int? Size, string? Array, string At, bool Extendable = false, bool Alias = false)
    {
        public string Key => Hash == "none" ? Name : Name + ":" + Hash;
    }

    public static List<string> Check(JsonElement root)
    {
        var problems = new List<string>();
        var registers = new List<Expanded>();
        var entries = root.GetProperty("registers").EnumerateArray().Select((entry, i) => (entry, at: $"/registers/{i}")).ToList();

        // Storage first, then aliases: an alias may inherit its target's hash, wherever the target is listed.
        foreach ((JsonElement entry, string at) in entries.Where(e => !e.entry.TryGetProperty("aliasOf", out _)))
        {
            registers.AddRange(Expand(entry, Hashes(entry), at, problems));
        }

        foreach ((JsonElement entry, string at) in entries.Where(e => e.entry.TryGetProperty("aliasOf", out _)))
        {
            string target = entry.GetProperty("aliasOf").GetString()!;
            List<Expanded> targets = Resolve(registers, target);
            if (targets.Count == 0)
            {
                problems.Add($"{at}/aliasOf: '{target}' is not a register");
                continue;
            }

            List<string> hashes = Hashes(entry) is { Count: > 0 } own ? own : targets.Select(t => t.Hash).Distinct().ToList();
            foreach (Expanded alias in Expand(entry, hashes, at, problems))
            {
                if (alias.Size is int size && targets.Any(t => t.Size is int targetSize && targetSize != size))
                {
                    problems.Add($"{at}/aliasOf: alias '{alias.Key}' is {size} bytes, its target '{target}' is not");
                }

                registers.Add(alias);
            }
        }

        // Reported on the name of the entry that repeats it: the last one listed (storage before aliases, as above).
        foreach (IGrouping<string, Expanded> duplicate in registers.GroupBy(r => r.Key).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Last().At}/name: register '{duplicate.Key}' is defined {duplicate.Count()} times (names must be unique after array expansion)");
        }

        foreach ((JsonElement entry, string at) in entries)
        {
            if (entry.TryGetProperty("refresh", out JsonElement refresh))
            {
                foreach ((JsonElement source, int i) in refresh.GetProperty("of").EnumerateArray().Select(static (s, i) => (s, i)))
                {
                    if (Resolve(registers, source.GetString()!).Count == 0)
                    {
                        problems.Add($"{at}/refresh/of/{i}: '{source.GetString()}' is not a register");
                    }
                }
            }
        }

        if (root.TryGetProperty("logical", out JsonElement logical))
        {
            CheckRoles(logical, registers, problems);
        }

        if (root.TryGetProperty("reports", out JsonElement reports))
        {
            LayoutRules.Check(reports, reference => Resolve(registers, reference).Select(r => r.Size).ToList(), problems);
        }

        if (root.TryGetProperty("claimSets", out JsonElement claimSets))
        {
            ClaimSetRules.Check(
                claimSets,
                GeneratedTypeNames(root),
                reference => Resolve(registers, reference).Count > 0,
                array => registers.Any(r => r.Array is not null && (r.Array == array || r.Array + ":" + r.Hash == array)),
                problems);
        }

        return problems;
    }

    private static List<string> Hashes(JsonElement entry)
    {
        if (entry.TryGetProperty("hash", out JsonElement hash))
        {
            return new List<string> { hash.GetString()! };
        }

        foreach (string key in new[] { "hashChoices", "banks" })
        {
            if (entry.TryGetProperty(key, out JsonElement list))
            {
                return list.EnumerateArray().Select(h => h.GetString()!).ToList();
            }
        }

        return new List<string>();
    }

    private static IEnumerable<Expanded> Expand(JsonElement entry, List<string> hashes, string at, List<string> problems)
    {
        string name = entry.GetProperty("name").GetString()!;
        int? explicitSize = entry.TryGetProperty("size", out JsonElement size) ? size.GetInt32() : null;
        int? count = entry.TryGetProperty("count", out JsonElement countElement) ? countElement.GetInt32() : null;
        bool extendable = entry.GetProperty("flags").EnumerateArray().Any(static f => f.GetString() == "extendable");
        bool alias = entry.TryGetProperty("aliasOf", out _);

        if (entry.TryGetProperty("elements", out JsonElement elements))
        {
            var seen = new HashSet<int>();
            foreach ((JsonElement element, int i) in elements.EnumerateArray().Select(static (e, i) => (e, i)))
            {
                int index = element.GetProperty("index").GetInt32();
                if (index >= count)
                {
                    problems.Add($"{at}/elements/{i}/index: index {index} is not below count {count}");
                }

                if (!seen.Add(index))
                {
                    problems.Add($"{at}/elements/{i}/index: index {index} is listed twice");
                }
            }
        }

        IEnumerable<string> names = count is int n
            ? Enumerable.Range(0, n).Select(i => name + i.ToString(CultureInfo.InvariantCulture))
            : new[] { name };

        foreach (string expandedName in names)
        {
            foreach (string hash in hashes)
            {
                yield return new Expanded(expandedName, hash, hash == "none" ? explicitSize : DigestSizes[hash], count is null ? null : name, at, extendable, alias);
            }
        }
    }

    /// <summary>A role names every bank of one extendable, non-alias register (its plain name), and no register carries two roles.</summary>
    private static void CheckRoles(JsonElement logical, List<Expanded> registers, List<string> problems)
    {
        var roleOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty role in logical.EnumerateObject())
        {
            string name = role.Value.GetProperty("register").GetString()!;
            List<Expanded> banks = registers.Where(r => r.Name == name).ToList();
            if (banks.Count == 0 || banks.Any(static r => !r.Extendable || r.Alias))
            {
                problems.Add($"/logical/{role.Name}/register: '{name}' is not an extendable register that is not an alias");
            }
            else if (!roleOf.TryAdd(name, role.Name))
            {
                problems.Add($"/logical/{role.Name}/register: '{name}' already carries role '{roleOf[name]}'");
            }
        }
    }

    /// <summary>The C# types the file generates besides its claim sets: the vendor class and the report parsers.</summary>
    private static IEnumerable<string> GeneratedTypeNames(JsonElement root)
    {
        yield return PascalCase(root.GetProperty("vendor").GetString()!);
        if (root.TryGetProperty("reports", out JsonElement reports))
        {
            foreach (JsonElement report in reports.EnumerateArray())
            {
                yield return report.TryGetProperty("typeName", out JsonElement typeName) ? typeName.GetString()! : PascalCase(report.GetProperty("name").GetString()!);
            }
        }
    }

    /// <summary>The generator's default C# name: <c>sev-snp</c> → <c>SevSnp</c>, <c>ccarealmclaims</c> → <c>Ccarealmclaims</c>.</summary>
    public static string PascalCase(string name) =>
        string.Concat(name.Split('_', '-').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary><c>name:hash</c> names one register; a bare name names every hash variant of it.</summary>
    private static List<Expanded> Resolve(List<Expanded> registers, string reference) =>
        registers.Where(r => r.Key == reference || r.Name == reference).ToList();
}
