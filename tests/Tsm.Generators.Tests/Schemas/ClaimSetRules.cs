using System.Globalization;
using System.Text.Json;

namespace Tsm.Generators.Tests.Schemas;

/// <summary>
/// The claim-set rules of docs/schema.md that a JSON Schema cannot state, checked independently of the generator: unique
/// claim-set names and C# type names, unique claim names, keys and property names in each set (not the type's own name
/// nor a generated member), <c>claimSet</c> references that exist and never lead back to their own set, and register
/// links that exist: one register for <c>bytes</c>, a register array for <c>bytes-array</c>. Input must already be
/// valid against tsm-vendor.schema.json.
/// </summary>
internal static class ClaimSetRules
{
    private static readonly HashSet<string> GeneratedMembers = new(StringComparer.Ordinal)
    {
        "Parse", "TryParse", "ReadFrom", "VisitFields", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize",
    };

    /// <param name="claimSets">The <c>claimSets</c> array.</param>
    /// <param name="takenTypeNames">C# type names the rest of the file generates (the vendor class, report parsers).</param>
    /// <param name="isRegister">Whether a reference names one register (<c>rim</c>, <c>pcr7:sha256</c>).</param>
    /// <param name="isRegisterArray">Whether a name is the base name of a register array (<c>rem</c>).</param>
    /// <param name="problems">Where problems are added.</param>
    public static void Check(JsonElement claimSets, IEnumerable<string> takenTypeNames, Func<string, bool> isRegister, Func<string, bool> isRegisterArray, List<string> problems)
    {
        List<(string At, JsonElement Set, string Name)> sets = claimSets.EnumerateArray()
            .Select((set, i) => ($"/claimSets/{i}", set, set.GetProperty("name").GetString()!))
            .ToList();
        foreach (IGrouping<string, (string At, JsonElement Set, string Name)> duplicate in sets.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Last().At}/name: claim set name '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        IEnumerable<string> typeNames = sets.Select(s => s.Set.TryGetProperty("typeName", out JsonElement t) ? t.GetString()! : CrossReferenceRules.PascalCase(s.Name)).Concat(takenTypeNames);
        foreach (IGrouping<string, string> duplicate in typeNames.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"C# type name '{duplicate.Key}' is generated {duplicate.Count()} times");
        }

        Dictionary<string, List<string>> nested = sets.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.First().Set.GetProperty("claims").EnumerateArray().Where(c => c.TryGetProperty("claimSet", out _)).Select(c => c.GetProperty("claimSet").GetString()!).ToList(),
            StringComparer.Ordinal);
        foreach ((string at, JsonElement set, string name) in sets)
        {
            string typeName = set.TryGetProperty("typeName", out JsonElement t) ? t.GetString()! : CrossReferenceRules.PascalCase(name);
            CheckClaims(at, set.GetProperty("claims"), typeName, nested, isRegister, isRegisterArray, problems);
            if (Reaches(nested, name, name, new HashSet<string>(StringComparer.Ordinal), first: true))
            {
                problems.Add($"{at}: claim set '{name}' contains itself");
            }
        }
    }

    private static void CheckClaims(
        string at, JsonElement claims, string typeName, Dictionary<string, List<string>> sets, Func<string, bool> isRegister, Func<string, bool> isRegisterArray, List<string> problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<long>();
        var properties = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (JsonElement claim in claims.EnumerateArray())
        {
            string where = $"{at}/claims/{index++}";
            string name = claim.GetProperty("name").GetString()!;
            long key = claim.GetProperty("key").GetInt64();
            string property = claim.TryGetProperty("propertyName", out JsonElement p) ? p.GetString()! : CrossReferenceRules.PascalCase(name);
            if (!names.Add(name))
            {
                problems.Add($"{where}: claim name '{name}' is used twice");
            }

            if (!keys.Add(key))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}/key: key {key} is used twice"));
            }

            if (!properties.Add(property))
            {
                problems.Add($"{where}: property name '{property}' is used twice");
            }

            if (property == typeName || GeneratedMembers.Contains(property))
            {
                problems.Add($"{where}: property '{property}' is the type's own name or a generated member");
            }

            if (claim.TryGetProperty("claimSet", out JsonElement nested) && !sets.ContainsKey(nested.GetString()!))
            {
                problems.Add($"{where}/claimSet: '{nested.GetString()}' is not a claim set");
            }

            if (claim.TryGetProperty("register", out JsonElement register))
            {
                string reference = register.GetString()!;
                bool array = claim.GetProperty("type").GetString() == "bytes-array";
                if (array ? !isRegisterArray(reference) : !isRegister(reference))
                {
                    problems.Add($"{where}/register: '{reference}' is not {(array ? "a register array" : "a register")}");
                }
            }
        }
    }

    /// <summary>Whether <paramref name="target"/> can be reached from <paramref name="from"/> through claim-set arrays.</summary>
    private static bool Reaches(Dictionary<string, List<string>> sets, string from, string target, HashSet<string> visited, bool first)
    {
        if (!first && from == target)
        {
            return true;
        }

        return visited.Add(from) && sets.TryGetValue(from, out List<string>? next) && next.Any(n => Reaches(sets, n, target, visited, first: false));
    }
}
