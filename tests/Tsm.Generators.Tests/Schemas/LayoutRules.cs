using System.Globalization;
using System.Text.Json;

namespace Tsm.Generators.Tests.Schemas;

/// <summary>
/// The report-layout rules of docs/schema.md that a JSON Schema cannot state, checked independently of the generator:
/// references to earlier fields of the right type that are present whenever the referring field is, variants, unique C#
/// names, register links, nested layouts (exist, versioned exactly when <c>versionFromParent</c>, no cycles, sizes that
/// agree), bit ranges, <c>hashOf</c> ranges, <c>userDataField</c>, <c>versionField</c>, checks, fields inside the
/// layout, and no overlap in any combination of versions and <c>when</c> values for any value of the <c>sizeFrom</c>
/// fields. Input must already be valid against tsm-vendor.schema.json.
/// </summary>
internal static class LayoutRules
{
    private const long Other = -1;

    private static readonly HashSet<string> IntegerTypes = new(StringComparer.Ordinal) { "u8", "u16", "u32", "u64" };

    private static readonly HashSet<string> SizeTypes = new(StringComparer.Ordinal) { "u8", "u16", "u32" };

    /// <param name="registerSizes">For a register reference: the sizes of the registers it names (empty: no such register; null: size follows a run-time hash).</param>
    public static void Check(JsonElement reports, Func<string, List<int?>> registerSizes, List<string> problems)
    {
        var layouts = new List<Layout>();
        int index = 0;
        foreach (JsonElement report in reports.EnumerateArray())
        {
            layouts.Add(Layout.Read(report, $"/reports/{index++}"));
        }

        foreach (IGrouping<string, Layout> duplicate in layouts.GroupBy(l => l.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Last().At}/name: report name '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        foreach (IGrouping<string, Layout> duplicate in layouts.GroupBy(l => l.TypeName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"C# type name '{duplicate.Key}' is used by {duplicate.Count()} reports");
        }

        Dictionary<string, Layout> byName = layouts.GroupBy(l => l.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (Layout layout in layouts)
        {
            CheckFields(layout, registerSizes, problems);
            CheckLayoutLevel(layout, problems);
            CheckNested(layout, byName, problems);
            CheckScenarios(layout, problems);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The model

    private sealed record Condition(string Field, HashSet<long> Values);

    private sealed record Bit(string Name, int Start, int Width);

    private sealed record Field(
        int Index,
        string At,
        string Name,
        string PropertyName,
        string Type,
        long? Offset,
        string? After,
        long? Size,
        string? SizeFrom,
        HashSet<long>? Versions,
        Condition? When,
        string? Layout,
        long? LayoutVersion,
        string? LayoutVersionFrom,
        string? Register,
        string? Hash,
        string? As,
        (long Offset, long Size)? HashOf,
        List<Bit> Bits)
    {
        public bool IsConditional => Versions is not null || When is not null;

        public bool IsFixed => Offset is not null && Size is not null;

        public bool IsInteger => IntegerTypes.Contains(Type);
    }

    private sealed record Layout(
        string At,
        string Name,
        string TypeName,
        long Size,
        string? VersionField,
        bool VersionFromParent,
        bool Trailing,
        string? UserDataField,
        List<Condition> Checks,
        List<Field> Fields)
    {
        public static Layout Read(JsonElement report, string at)
        {
            string name = report.GetProperty("name").GetString()!;
            var fields = new List<Field>();
            int index = 0;
            foreach (JsonElement field in report.GetProperty("fields").EnumerateArray())
            {
                fields.Add(ReadField(field, index, $"{at}/fields/{index}"));
                index++;
            }

            var checks = new List<Condition>();
            if (report.TryGetProperty("checks", out JsonElement checkArray))
            {
                checks.AddRange(checkArray.EnumerateArray().Select(ReadCondition));
            }

            return new Layout(
                at,
                name,
                String(report, "typeName") ?? PascalCase(name),
                report.GetProperty("size").GetInt64(),
                String(report, "versionField"),
                Bool(report, "versionFromParent"),
                Bool(report, "trailing"),
                String(report, "userDataField"),
                checks,
                fields);
        }

        public IEnumerable<Field> Named(string name) => Fields.Where(f => f.Name == name);

        public IEnumerable<Field> NamedBefore(string name, int index) => Fields.Where(f => f.Name == name && f.Index < index);
    }

    private static Field ReadField(JsonElement field, int index, string at)
    {
        string name = field.GetProperty("name").GetString()!;
        HashSet<long>? versions = field.TryGetProperty("versions", out JsonElement v) ? v.EnumerateArray().Select(x => x.GetInt64()).ToHashSet() : null;
        Condition? when = field.TryGetProperty("when", out JsonElement w) ? ReadCondition(w) : null;
        (long, long)? hashOf = field.TryGetProperty("hashOf", out JsonElement h) ? (h.GetProperty("offset").GetInt64(), h.GetProperty("size").GetInt64()) : null;
        var bits = new List<Bit>();
        if (field.TryGetProperty("bits", out JsonElement bitsObject))
        {
            foreach (JsonProperty bit in bitsObject.EnumerateObject())
            {
                bits.Add(bit.Value.ValueKind == JsonValueKind.Number
                    ? new Bit(bit.Name, bit.Value.GetInt32(), 1)
                    : new Bit(bit.Name, bit.Value.GetProperty("bit").GetInt32(), bit.Value.GetProperty("width").GetInt32()));
            }
        }

        return new Field(
            index,
            at,
            name,
            String(field, "propertyName") ?? PascalCase(name),
            field.GetProperty("type").GetString()!,
            Long(field, "offset"),
            String(field, "after"),
            Long(field, "size"),
            String(field, "sizeFrom"),
            versions,
            when,
            String(field, "layout"),
            Long(field, "layoutVersion"),
            String(field, "layoutVersionFrom"),
            String(field, "register"),
            String(field, "hash"),
            String(field, "as"),
            hashOf,
            bits);
    }

    private static Condition ReadCondition(JsonElement condition) => new(
        condition.GetProperty("field").GetString()!,
        condition.TryGetProperty("equals", out JsonElement equals)
            ? new HashSet<long> { equals.GetInt64() }
            : condition.GetProperty("oneOf").EnumerateArray().Select(x => x.GetInt64()).ToHashSet());

    // ------------------------------------------------------------------------------------------------------------
    // Rules on single fields and on names

    private static void CheckFields(Layout layout, Func<string, List<int?>> registerSizes, List<string> problems)
    {
        foreach (Field field in layout.Fields)
        {
            CheckReference(layout, field, "after", field.After, null, problems);
            CheckReference(layout, field, "sizeFrom", field.SizeFrom, SizeTypes, problems);
            CheckReference(layout, field, "layoutVersionFrom", field.LayoutVersionFrom, IntegerTypes, problems);
            CheckReference(layout, field, "when", field.When?.Field, IntegerTypes, problems);

            if (field.PropertyName == layout.TypeName)
            {
                problems.Add($"{field.At}: property '{field.PropertyName}' has the name of its type (C# members cannot)");
            }

            if (field.IsFixed && !field.IsConditional && field.Offset + field.Size > layout.Size)
            {
                problems.Add($"{field.At}/name: '{field.Name}' ends at {field.Offset + field.Size}, outside the {layout.Size}-byte layout");
            }

            if (field.Register is string register)
            {
                List<int?> sizes = registerSizes(register);
                if (sizes.Count == 0)
                {
                    problems.Add($"{field.At}/register: '{register}' is not a register");
                }
                else if (field.Size is not long size || sizes.Any(s => s is int registerSize && registerSize != size))
                {
                    problems.Add($"{field.At}: '{field.Name}' is {(field.Size is long s ? s + " bytes" : "sized by " + field.SizeFrom)}, register '{register}' is not");
                }
            }

            if (field.HashOf is var (hashOffset, hashSize))
            {
                if (hashOffset + hashSize > layout.Size)
                {
                    problems.Add($"{field.At}/hashOf/size: bytes {hashOffset}..{hashOffset + hashSize - 1} are outside the {layout.Size}-byte layout");
                }

                if (!field.IsFixed || (field.Offset < hashOffset + hashSize && hashOffset < field.Offset + field.Size))
                {
                    problems.Add($"{field.At}/hashOf: a digest field must be at a fixed place outside the bytes it hashes");
                }
            }

            CheckBits(field, problems);
        }

        foreach (IGrouping<string, Field> group in layout.Fields.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            CheckVariants(group.ToList(), problems);
        }

        foreach (IGrouping<string, Field> clash in layout.Fields
                     .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
                     .Where(g => g.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            problems.Add($"{layout.At}: fields {string.Join(", ", clash.Select(f => "'" + f.Name + "'").Distinct())} all have the C# property name '{clash.Key}'");
        }
    }

    /// <summary>A reference names a field defined earlier (every occurrence of a variant name counts), of one of <paramref name="types"/>.</summary>
    private static void CheckReference(Layout layout, Field field, string key, string? target, HashSet<string>? types, List<string> problems)
    {
        if (target is null)
        {
            return;
        }

        List<Field> earlier = layout.NamedBefore(target, field.Index).ToList();
        if (earlier.Count == 0)
        {
            problems.Add($"{field.At}/{key}: '{target}' is not a field defined before '{field.Name}'");
        }
        else if (types is not null && earlier.Any(t => !types.Contains(t.Type)))
        {
            problems.Add($"{field.At}/{key}: '{target}' is not a {string.Join("/", types.OrderBy(t => t.Length).ThenBy(t => t, StringComparer.Ordinal))} field");
        }
    }

    private static void CheckVariants(List<Field> variants, List<string> problems)
    {
        Field first = variants[0];
        string at = variants[^1].At;
        if (variants.Any(v => v.When is null) || variants.Select(v => v.When!.Field).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            problems.Add($"{at}/name: field name '{first.Name}' is used {variants.Count} times; variants need a 'when' on the same field");
            return;
        }

        for (int i = 0; i < variants.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (variants[i].When!.Values.Overlaps(variants[j].When!.Values))
                {
                    problems.Add($"{variants[i].At}/when: variants of '{first.Name}' are both present when '{first.When!.Field}' is {variants[i].When!.Values.Intersect(variants[j].When!.Values).First()}");
                }
            }
        }

        if (variants.Any(v => v.Type != first.Type || v.Layout != first.Layout || v.PropertyName != first.PropertyName || v.Hash != first.Hash || v.Register != first.Register || v.As != first.As))
        {
            problems.Add($"{at}: variants of '{first.Name}' differ in type, layout, propertyName, hash, register or as");
        }
    }

    private static void CheckBits(Field field, List<string> problems)
    {
        if (field.Bits.Count == 0 || field.Size is not long size)
        {
            return;
        }

        ulong used = 0;
        foreach (Bit bit in field.Bits)
        {
            if (bit.Start + bit.Width > size * 8)
            {
                problems.Add($"{field.At}/bits/{bit.Name}: bits {bit.Start}..{bit.Start + bit.Width - 1} do not fit a {size * 8}-bit field");
                continue;
            }

            ulong mask = (bit.Width >= 64 ? ulong.MaxValue : (1UL << bit.Width) - 1) << bit.Start;
            if ((used & mask) != 0)
            {
                problems.Add($"{field.At}/bits/{bit.Name}: overlaps another named bit of '{field.Name}'");
            }

            used |= mask;
        }
    }

    private static void CheckLayoutLevel(Layout layout, List<string> problems)
    {
        if (layout.VersionField is string versionField &&
            !layout.Named(versionField).Any(f => f.IsInteger && f.Offset is not null && !f.IsConditional))
        {
            problems.Add($"{layout.At}/versionField: '{versionField}' is not an always-present integer field at a fixed offset of the layout");
        }

        if (layout.UserDataField is string userData &&
            !layout.Named(userData).Any(f => f.Type == "bytes" && f.IsFixed && !f.IsConditional))
        {
            problems.Add($"{layout.At}/userDataField: '{userData}' is not an always-present bytes field at a fixed place");
        }

        foreach ((Condition check, int i) in layout.Checks.Select(static (c, i) => (c, i)))
        {
            if (!layout.Named(check.Field).Any())
            {
                problems.Add($"{layout.At}/checks/{i}/field: '{check.Field}' is not a field of the layout");
            }
            else if (layout.Named(check.Field).Any(f => !f.IsInteger))
            {
                problems.Add($"{layout.At}/checks/{i}/field: '{check.Field}' is not an integer field");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Nested layouts

    private static void CheckNested(Layout layout, Dictionary<string, Layout> byName, List<string> problems)
    {
        foreach (Field field in layout.Fields.Where(f => f.Type == "layout"))
        {
            if (!byName.TryGetValue(field.Layout!, out Layout? nested))
            {
                problems.Add($"{field.At}/layout: '{field.Layout}' is not a report of this schema");
                continue;
            }

            bool versioned = field.LayoutVersion is not null || field.LayoutVersionFrom is not null;
            if (versioned != nested.VersionFromParent)
            {
                problems.Add(nested.VersionFromParent
                    ? $"{field.At}: layout '{nested.Name}' takes its version from its parent; give layoutVersion or layoutVersionFrom"
                    : $"{field.At}: layout '{nested.Name}' has no versionFromParent; layoutVersion/layoutVersionFrom would be ignored");
            }

            if (field.Size is long size)
            {
                if (size != nested.Size)
                {
                    problems.Add($"{field.At}: '{field.Name}' is {size} bytes, layout '{nested.Name}' is {nested.Size}");
                }
                else if (FixedLength(nested, field.LayoutVersion) is long length && (nested.Trailing ? length > size : length != size))
                {
                    problems.Add($"{field.At}: layout '{nested.Name}' is {length} bytes in version {field.LayoutVersion}, not {size}");
                }
            }
        }

        if (Contains(layout.Name, layout, byName, new HashSet<string>(StringComparer.Ordinal)))
        {
            problems.Add($"{layout.At}: layout '{layout.Name}' contains itself");
        }
    }

    /// <summary>The length of a layout whose fields are all at fixed places: the larger of size and the end of its last present field.</summary>
    private static long? FixedLength(Layout layout, long? version)
    {
        if (layout.Fields.Any(f => !f.IsFixed || f.When is not null))
        {
            return null;
        }

        return layout.Fields
            .Where(f => f.Versions is null || (version is long v && f.Versions.Contains(v)))
            .Select(f => f.Offset!.Value + f.Size!.Value)
            .Append(layout.Size)
            .Max();
    }

    private static bool Contains(string target, Layout layout, Dictionary<string, Layout> byName, HashSet<string> visited)
    {
        foreach (string nested in layout.Fields.Where(f => f.Type == "layout").Select(f => f.Layout!))
        {
            if (nested == target)
            {
                return true;
            }

            if (visited.Add(nested) && byName.TryGetValue(nested, out Layout? inner) && Contains(target, inner, byName, visited))
            {
                return true;
            }
        }

        return false;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Presence and overlap in every combination of versions and when values

    /// <summary>A byte position: a constant plus non-negative multiples of the values of sizeFrom fields (which can be anything from 0 up).</summary>
    private sealed record Position(long Constant, IReadOnlyDictionary<string, long> Terms)
    {
        public static Position Of(long constant) => new(constant, new Dictionary<string, long>());

        public Position Plus(long constant) => this with { Constant = Constant + constant };

        public Position Plus(string variable)
        {
            var terms = new Dictionary<string, long>(Terms);
            terms[variable] = terms.GetValueOrDefault(variable) + 1;
            return this with { Terms = terms };
        }

        /// <summary>True when <c>this &lt;= other</c> whatever the sizeFrom values are.</summary>
        public bool AlwaysAtMost(Position other) =>
            other.Constant - Constant >= 0 &&
            Terms.Keys.Concat(other.Terms.Keys).All(v => other.Terms.GetValueOrDefault(v) - Terms.GetValueOrDefault(v) >= 0);

        public override string ToString() =>
            string.Join(" + ", Terms.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Value == 1 ? string.Empty : t.Value + "*") + t.Key).Prepend(Constant.ToString(CultureInfo.InvariantCulture)));
    }

    private const string ParentVersion = "(version from the parent)";

    private static void CheckScenarios(Layout layout, List<string> problems)
    {
        // Selectors: the fields (and the parent's version) whose values decide presence, each with the values that matter.
        var selectors = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        string? versionKey = layout.VersionFromParent ? ParentVersion : layout.VersionField;
        foreach (Field field in layout.Fields)
        {
            if (field.Versions is not null && versionKey is not null)
            {
                Values(selectors, versionKey).UnionWith(field.Versions);
            }

            if (field.When is not null)
            {
                Values(selectors, field.When.Field).UnionWith(field.When.Values);
            }
        }

        foreach (HashSet<long> values in selectors.Values)
        {
            values.Add(Other);
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (Dictionary<string, long> scenario in Combinations(selectors.ToList()))
        {
            if (layout.Checks.Any(c => scenario.TryGetValue(c.Field, out long value) && !c.Values.Contains(value) && IsPresentIn(layout, c.Field, scenario, versionKey)))
            {
                continue; // no valid input has these values
            }

            CheckScenario(layout, scenario, versionKey, reported, problems);
        }
    }

    private static HashSet<long> Values(Dictionary<string, HashSet<long>> selectors, string key)
    {
        if (!selectors.TryGetValue(key, out HashSet<long>? values))
        {
            selectors[key] = values = new HashSet<long>();
        }

        return values;
    }

    private static IEnumerable<Dictionary<string, long>> Combinations(List<KeyValuePair<string, HashSet<long>>> selectors)
    {
        if (selectors.Count == 0)
        {
            yield return new Dictionary<string, long>(StringComparer.Ordinal);
            yield break;
        }

        foreach (Dictionary<string, long> rest in Combinations(selectors.Skip(1).ToList()))
        {
            foreach (long value in selectors[0].Value)
            {
                yield return new Dictionary<string, long>(rest, StringComparer.Ordinal) { [selectors[0].Key] = value };
            }
        }
    }

    private static bool IsPresentIn(Layout layout, string name, Dictionary<string, long> scenario, string? versionKey) =>
        layout.Named(name).Any(f => IsPresent(layout, f, scenario, versionKey));

    private static bool IsPresent(Layout layout, Field field, Dictionary<string, long> scenario, string? versionKey)
    {
        if (field.Versions is not null && !(versionKey is not null && scenario.TryGetValue(versionKey, out long version) && field.Versions.Contains(version)))
        {
            return false;
        }

        return field.When is null ||
            (scenario.TryGetValue(field.When.Field, out long value) && field.When.Values.Contains(value) &&
             layout.NamedBefore(field.When.Field, field.Index).Any(f => IsPresent(layout, f, scenario, versionKey)));
    }

    private static void CheckScenario(Layout layout, Dictionary<string, long> scenario, string? versionKey, HashSet<string> reported, List<string> problems)
    {
        string where = scenario.Count == 0
            ? string.Empty
            : " (when " + string.Join(", ", scenario.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + " = " + (s.Value == Other ? "another value" : s.Value.ToString(CultureInfo.InvariantCulture)))) + ")";
        var placed = new List<(Field Field, Position Start, Position End)>();
        var ends = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (Field field in layout.Fields.Where(f => IsPresent(layout, f, scenario, versionKey)))
        {
            foreach (string? reference in new[] { field.After, field.SizeFrom, field.LayoutVersionFrom })
            {
                if (reference is not null && layout.NamedBefore(reference, field.Index).Any() &&
                    !layout.NamedBefore(reference, field.Index).Any(f => IsPresent(layout, f, scenario, versionKey)) &&
                    reported.Add($"absent {field.At} {reference}"))
                {
                    problems.Add($"{field.At}: '{field.Name}' refers to '{reference}', which is not present{where}");
                }
            }

            Position? start = field.Offset is long offset ? Position.Of(offset) : ends.GetValueOrDefault(field.After!);
            if (start is null)
            {
                continue;
            }

            Position end = field.Size is long size ? start.Plus(size) : start.Plus(field.SizeFrom!);
            foreach ((Field other, Position otherStart, Position otherEnd) in placed)
            {
                if (!end.AlwaysAtMost(otherStart) && !otherEnd.AlwaysAtMost(start) && reported.Add($"overlap {other.At} {field.At}"))
                {
                    problems.Add($"{field.At}: '{field.Name}' [{start}, {end}) can overlap '{other.Name}' [{otherStart}, {otherEnd}){where}");
                }
            }

            placed.Add((field, start, end));
            ends[field.Name] = end;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers

    private static string? String(JsonElement element, string key) => element.TryGetProperty(key, out JsonElement value) ? value.GetString() : null;

    private static long? Long(JsonElement element, string key) => element.TryGetProperty(key, out JsonElement value) ? value.GetInt64() : null;

    private static bool Bool(JsonElement element, string key) => element.TryGetProperty(key, out JsonElement value) && value.GetBoolean();

    /// <summary><c>rtmr_crypto_agile</c> → <c>RtmrCryptoAgile</c> (docs/schema.md: the default C# name).</summary>
    private static string PascalCase(string name) =>
        string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
