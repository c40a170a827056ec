using System.Collections.Generic;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Json;

namespace Tsm.Generators.Schema;

/// <summary>Reads the objects of the <c>registers</c> array into <see cref="RegisterEntry"/> values.</summary>
internal static class RegisterEntryReader
{
    private static readonly string[] RegisterKeys =
    {
        "name", "propertyName", "description", "hash", "hashChoices", "banks", "size", "flags", "extend", "count", "elements",
        "aliasOf", "ccMrIndex", "pcrs", "initial", "refresh",
    };

    private static readonly string[] ExtendKeys = { "rule", "inputSize" };
    private static readonly string[] ElementKeys = { "index", "description", "ccMrIndex", "pcrs", "initial" };
    private static readonly string[] RefreshKeys = { "hash", "of" };
    private static readonly string[] FlagNames = { "readable", "extendable", "live" };
    private static readonly string[] InitialValues = { "zeros", "ones", "name" };

    public static List<RegisterEntry> ReadAll(JsonArray registers, SchemaContext context)
    {
        var entries = new List<RegisterEntry>(registers.Items.Count);
        if (registers.Items.Count == 0)
        {
            context.Report(DiagnosticIds.InvalidValue, registers.Range, "'registers' must list at least one register");
        }

        foreach (JsonNode node in registers.Items)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            RegisterEntry? entry = Read(node, context);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static RegisterEntry? Read(JsonNode node, SchemaContext context)
    {
        ObjectReader? reader = ObjectReader.Create(node, "a register", RegisterKeys, context);
        JsonString? name = reader?.SnakeName("name", "register name");
        if (reader is null || name is null)
        {
            return null;
        }

        var entry = new RegisterEntry(name.Value, name.Range, node.Range)
        {
            Description = reader.String("description", required: false)?.Value,
            PropertyName = ReadPropertyName(reader, context),
        };

        bool hashUsable = ReadHash(reader, entry, context);
        ReadSize(reader, entry, context);
        ReadFlags(reader, entry, context);
        ReadExtend(reader, entry, context);
        ReadArray(reader, entry, context);

        JsonString? aliasOf = reader.String("aliasOf", required: false);
        if (aliasOf is not null)
        {
            entry.AliasOf = aliasOf.Value;
            entry.AliasOfRange = aliasOf.Range;
        }

        JsonNumber? ccMrIndex = reader.Integer("ccMrIndex", required: false, 0, 255);
        if (ccMrIndex is not null)
        {
            entry.CcMrIndex = (int)ObjectReader.ValueOf(ccMrIndex);
        }

        ReadPcrs(reader, "pcrs", entry.Pcrs, context);
        entry.Initial = ReadInitial(reader, context) ?? entry.Initial;
        if (aliasOf is not null && reader.Node("initial", required: false) is { } initial)
        {
            // docs/schema.md: an alias has no initial (the storage, and so its initial value, is the target's).
            context.Report(DiagnosticIds.InvalidValue, initial.Range, $"Alias '{entry.Name}' cannot have its own 'initial': it shares the storage, and so the initial value, of '{aliasOf.Value}'");
        }

        ReadRefresh(reader, entry, context);

        // An entry whose hash could not be understood, or that holds a value under a mistyped key, is not expanded:
        // every later check (and every reference to it) would only repeat the error.
        if (!hashUsable || reader.HasMisspelledKeys)
        {
            context.MarkBrokenRegister(entry.Name);
            return null;
        }

        return entry;
    }

    // The same rule as a report field's propertyName, so a register and the report field of the same quantity can share
    // one spelling (tdx.MrTd and report.MrTd).
    private static string? ReadPropertyName(ObjectReader reader, SchemaContext context)
    {
        JsonString? propertyName = reader.String("propertyName", required: false);
        if (propertyName is null)
        {
            return null;
        }

        if (!Naming.IsCSharpIdentifier(propertyName.Value) || !char.IsUpper(propertyName.Value[0]))
        {
            context.Report(DiagnosticIds.InvalidName, propertyName.Range, propertyName.Value, "property name", "it must be a PascalCase C# identifier");
            return null;
        }

        return propertyName.Value;
    }

    private static bool ReadHash(ObjectReader reader, RegisterEntry entry, SchemaContext context)
    {
        JsonString? hash = reader.String("hash", required: false);
        bool usable = hash is not null || !reader.Has("hash");
        if (hash is not null && CheckHashName(hash, allowNone: true, context))
        {
            entry.Hash = hash.Value;
        }
        else if (hash is not null)
        {
            usable = false;
        }

        usable &= ReadHashList(reader, "hashChoices", 2, entry.HashChoices, context);
        usable &= ReadHashList(reader, "banks", 1, entry.Banks, context);

        int kinds = (reader.Has("hash") ? 1 : 0) + (reader.Has("hashChoices") ? 1 : 0) + (reader.Has("banks") ? 1 : 0);
        if (kinds > 1)
        {
            // On the later key, where tsm-vendor.schema.json reports it too (the broken-schema corpus, issue 8 §1).
            JsonNode later = reader.Node(reader.Has("hash") && reader.Has("hashChoices") ? "hashChoices" : "banks", required: true)!;
            context.Report(DiagnosticIds.InvalidValue, later.Range, $"Register '{entry.Name}' must have only one of 'hash', 'hashChoices' and 'banks'");
        }
        else if (kinds == 0 && !reader.Has("aliasOf") && !reader.IsMisspelled("hash") && !reader.IsMisspelled("hashChoices") && !reader.IsMisspelled("banks"))
        {
            context.Report(DiagnosticIds.MissingKey, SchemaContext.Opening(reader.Json), "hash", $"register '{entry.Name}' (give 'hash', 'hashChoices' or 'banks')");
        }

        return usable && kinds <= 1;
    }

    /// <summary>False when the list is present but unusable (wrong type, unknown or repeated names, too short).</summary>
    private static bool ReadHashList(ObjectReader reader, string key, int minimum, List<string> target, SchemaContext context)
    {
        if (!reader.Has(key))
        {
            return true;
        }

        List<JsonString>? names = reader.Strings(key, required: false);
        if (names is null)
        {
            return false;
        }

        bool usable = true;
        foreach (JsonString name in names)
        {
            if (!CheckHashName(name, allowNone: false, context))
            {
                usable = false;
                continue;
            }

            if (target.Contains(name.Value))
            {
                context.Report(DiagnosticIds.DuplicateName, name.Range, "Hash", name.Value);
                usable = false;
                continue;
            }

            target.Add(name.Value);
        }

        if (names.Count < minimum)
        {
            string count = minimum == 1 ? "one hash algorithm" : "two hash algorithms";
            context.Report(DiagnosticIds.InvalidValue, reader.Node(key, required: false)!.Range, $"'{key}' must list at least {count}");
            usable = false;
        }

        return usable;
    }

    private static bool CheckHashName(JsonString hash, bool allowNone, SchemaContext context)
    {
        if (HashAlgorithms.IsKnown(hash.Value) || (allowNone && hash.Value == HashAlgorithms.None))
        {
            return true;
        }

        string allowed = string.Join(", ", HashAlgorithms.KernelNames) + (allowNone ? ", none" : string.Empty);
        context.Report(DiagnosticIds.InvalidValue, hash.Range, $"'{hash.Value}' is not a kernel hash name; expected one of: {allowed}");
        return false;
    }

    private static void ReadSize(ObjectReader reader, RegisterEntry entry, SchemaContext context)
    {
        JsonNumber? size = reader.Integer("size", required: false, 1, 4096);
        if (size is not null)
        {
            entry.Size = (int)ObjectReader.ValueOf(size);
            entry.SizeRange = size.Range;
        }
        else if (entry.Hash == HashAlgorithms.None && !reader.Has("size"))
        {
            context.Report(DiagnosticIds.MissingKey, SchemaContext.Opening(reader.Json), "size", $"register '{entry.Name}' (a register without a hash has no implied size)");
        }
    }

    private static void ReadFlags(ObjectReader reader, RegisterEntry entry, SchemaContext context)
    {
        List<JsonString>? flags = reader.Strings("flags", required: true);
        if (flags is null)
        {
            return;
        }

        foreach (JsonString flag in flags)
        {
            int bit = flag.Value switch
            {
                "readable" => 4,
                "extendable" => 2,
                "live" => 8,
                _ => 0,
            };
            if (bit == 0)
            {
                context.Report(DiagnosticIds.InvalidValue, flag.Range, $"'{flag.Value}' is not a register flag; expected one of: {string.Join(", ", FlagNames)}");
            }
            else if ((entry.Flags & bit) != 0)
            {
                context.Report(DiagnosticIds.DuplicateName, flag.Range, "Flag", flag.Value);
            }

            entry.Flags |= bit;
        }
    }

    private static void ReadExtend(ObjectReader reader, RegisterEntry entry, SchemaContext context)
    {
        bool extendable = (entry.Flags & 2) != 0;
        JsonNode? node = reader.Node("extend", required: extendable);
        if (node is null)
        {
            return;
        }

        entry.ExtendRange = node.Range;
        if (!extendable)
        {
            context.Report(DiagnosticIds.InvalidValue, node.Range, $"Register '{entry.Name}' has 'extend' but not the 'extendable' flag");
        }
        else if (entry.Hash == HashAlgorithms.None)
        {
            // docs/schema.md: an opaque value has no H to extend with (kernel TSM_MR_F_NOHASH registers are not extendable).
            context.Report(DiagnosticIds.InvalidValue, reader.Node("flags", required: true)!.Range, $"Register '{entry.Name}' has no hash (hash \"none\"), so it cannot be 'extendable'");
        }

        ObjectReader? extend = ObjectReader.Create(node, "'extend'", ExtendKeys, context);
        JsonString? rule = extend?.String("rule", required: true);
        if (rule is not null && rule.Value != "hash-concat")
        {
            context.Report(DiagnosticIds.InvalidValue, rule.Range, $"'{rule.Value}' is not an extend rule; expected: hash-concat (new = H(old || data))");
        }

        JsonNumber? inputSize = extend?.Integer("inputSize", required: false, 1, 4096);
        if (inputSize is not null)
        {
            entry.ExtendInputSize = (int)ObjectReader.ValueOf(inputSize);
            entry.ExtendRange = inputSize.Range;
        }
    }

    private static void ReadArray(ObjectReader reader, RegisterEntry entry, SchemaContext context)
    {
        JsonNumber? count = reader.Integer("count", required: false, 1, 64);
        if (count is not null)
        {
            entry.Count = (int)ObjectReader.ValueOf(count);
        }

        JsonArray? elements = reader.Array("elements", required: false);
        if (elements is null)
        {
            return;
        }

        if (!reader.Has("count"))
        {
            context.Report(DiagnosticIds.InvalidValue, elements.Range, $"Register '{entry.Name}' has 'elements' but no 'count'; only register arrays have elements");
            return;
        }

        foreach (JsonNode node in elements.Items)
        {
            ObjectReader? element = ObjectReader.Create(node, "an element", ElementKeys, context);
            JsonNumber? index = element?.Integer("index", required: true, 0, (entry.Count ?? 64) - 1);
            if (element is null || index is null)
            {
                continue;
            }

            int i = (int)ObjectReader.ValueOf(index);
            if (entry.Elements.ContainsKey(i))
            {
                context.Report(DiagnosticIds.DuplicateName, index.Range, "Element index", index.RawText);
                continue;
            }

            var details = new ElementDetails
            {
                Description = element.String("description", required: false)?.Value,
                Initial = ReadInitial(element, context),
            };
            JsonNumber? ccMrIndex = element.Integer("ccMrIndex", required: false, 0, 255);
            details.CcMrIndex = ccMrIndex is null ? null : (int)ObjectReader.ValueOf(ccMrIndex);
            if (element.Has("pcrs"))
            {
                details.Pcrs = new List<int>();
                ReadPcrs(element, "pcrs", details.Pcrs, context);
            }

            entry.Elements[i] = details;
        }
    }

    private static void ReadPcrs(ObjectReader reader, string key, List<int> target, SchemaContext context)
    {
        JsonArray? pcrs = reader.Array(key, required: false);
        if (pcrs is null)
        {
            return;
        }

        foreach (JsonNode item in pcrs.Items)
        {
            JsonNumber? pcr = ObjectReader.ReadInteger(item, "a PCR index", 0, 23, context);
            if (pcr is null)
            {
                continue;
            }

            int index = (int)ObjectReader.ValueOf(pcr);
            if (target.Contains(index))
            {
                // tsm-vendor.schema.json's pcrList has uniqueItems (the broken-schema corpus, issue 8 §1).
                context.Report(DiagnosticIds.DuplicateName, pcr.Range, "PCR", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            target.Add(index);
        }
    }

    private static string? ReadInitial(ObjectReader reader, SchemaContext context)
    {
        JsonString? initial = reader.String("initial", required: false);
        if (initial is null)
        {
            return null;
        }

        if (System.Array.IndexOf(InitialValues, initial.Value) < 0)
        {
            context.Report(DiagnosticIds.InvalidValue, initial.Range, $"'{initial.Value}' is not an initial value; expected one of: {string.Join(", ", InitialValues)}");
            return null;
        }

        return initial.Value;
    }

    private static void ReadRefresh(ObjectReader reader, RegisterEntry entry, SchemaContext context)
    {
        JsonNode? node = reader.Node("refresh", required: false);
        if (node is null)
        {
            return;
        }

        if ((entry.Flags & 8) == 0)
        {
            context.Report(DiagnosticIds.InvalidValue, node.Range, $"Register '{entry.Name}' has 'refresh' but not the 'live' flag; only live registers are recomputed on read");
        }
        else if (entry.Hash == HashAlgorithms.None)
        {
            // docs/schema.md: an opaque value is not a digest, so it cannot be recomputed as one.
            context.Report(DiagnosticIds.InvalidValue, node.Range, $"Register '{entry.Name}' has no hash (hash \"none\"), so it cannot have 'refresh'");
        }

        ObjectReader? refresh = ObjectReader.Create(node, "'refresh'", RefreshKeys, context);
        JsonString? hash = refresh?.String("hash", required: true);
        if (hash is not null && CheckHashName(hash, allowNone: false, context))
        {
            entry.RefreshHash = hash.Value;
        }

        List<JsonString>? sources = refresh?.Strings("of", required: true);
        if (sources is null)
        {
            return;
        }

        foreach (JsonString source in sources)
        {
            entry.RefreshSources.Add((source.Value, source.Range));
        }
    }
}
