using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>
/// Reads the <c>claimSets</c> (CBOR claim maps) and checks what JSON Schema cannot: unique names, keys and C# names,
/// claim sets that exist and never contain themselves, and register links that exist and fit the claim.
/// </summary>
internal sealed class ClaimSetReader
{
    private static readonly string[] ClaimSetKeys = { "name", "typeName", "description", "claims" };
    private static readonly string[] ClaimKeys = { "name", "propertyName", "key", "type", "claimSet", "size", "optional", "register", "description" };

    /// <summary>Members every generated claim set has (its own and <c>object</c>'s), which a claim's property must not hide.</summary>
    private static readonly string[] GeneratedMembers = { "Parse", "TryParse", "ReadFrom", "VisitFields", "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };

    private readonly EquatableArray<RegisterSpec> _registers;
    private readonly SchemaContext _context;
    private readonly HashSet<string> _typeNames;
    private readonly List<(string Set, JsonString Reference)> _references = new();

    private ClaimSetReader(EquatableArray<RegisterSpec> registers, IEnumerable<string> takenTypeNames, SchemaContext context)
    {
        _registers = registers;
        _context = context;
        _typeNames = new HashSet<string>(takenTypeNames, System.StringComparer.Ordinal);
    }

    /// <param name="claimSets">The <c>claimSets</c> array.</param>
    /// <param name="registers">The schema's registers after expansion, which claims may report.</param>
    /// <param name="takenTypeNames">C# type names the schema already generates (the vendor class, report parsers).</param>
    /// <param name="context">Where problems are reported.</param>
    public static EquatableArray<ClaimSetSpec> ReadAll(JsonArray claimSets, EquatableArray<RegisterSpec> registers, IEnumerable<string> takenTypeNames, SchemaContext context)
    {
        var reader = new ClaimSetReader(registers, takenTypeNames, context);
        var sets = new List<ClaimSetSpec>();
        foreach (JsonNode node in claimSets.Items)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            ClaimSetSpec? set = reader.Read(node, sets);
            if (set is not null)
            {
                sets.Add(set);
            }
        }

        reader.CheckReferences(sets);
        return sets.ToEquatableArray();
    }

    private ClaimSetSpec? Read(JsonNode node, List<ClaimSetSpec> earlier)
    {
        ObjectReader? reader = ObjectReader.Create(node, "a claim set", ClaimSetKeys, _context);
        JsonString? name = reader?.SnakeName("name", "claim set name");
        JsonArray? claimsNode = reader?.Array("claims", required: true);
        if (reader is null || name is null || claimsNode is null)
        {
            return null;
        }

        if (earlier.Any(s => s.Name == name.Value))
        {
            _context.Report(DiagnosticIds.DuplicateName, name.Range, "Claim set", name.Value);
            return null;
        }

        JsonString? typeNameNode = reader.String("typeName", required: false);
        string typeName = typeNameNode?.Value ?? Naming.ToPascalCase(name.Value);
        if (typeNameNode is not null && !Naming.IsCSharpIdentifier(typeName))
        {
            _context.Report(DiagnosticIds.InvalidName, typeNameNode.Range, typeName, "C# type name", "it must be a C# identifier");
            return null;
        }

        if (!_typeNames.Add(typeName))
        {
            _context.Report(DiagnosticIds.DuplicateName, (typeNameNode ?? name).Range, "C# type", typeName);
            return null;
        }

        _context.DeclareType(typeName, $"claim set '{name.Value}'", (typeNameNode ?? name).Range);

        if (claimsNode.Items.Count == 0)
        {
            _context.Report(DiagnosticIds.InvalidValue, claimsNode.Range, $"Claim set '{name.Value}' has no claims; give at least one");
            return null;
        }

        var claims = new List<ClaimSpec>();
        foreach (JsonNode claimNode in claimsNode.Items)
        {
            ClaimSpec? claim = ReadClaim(claimNode, name.Value, typeName, claims);
            if (claim is not null)
            {
                claims.Add(claim);
            }
        }

        return new ClaimSetSpec(name.Value, typeName, reader.String("description", required: false)?.Value, claims.ToEquatableArray());
    }

    private ClaimSpec? ReadClaim(JsonNode node, string set, string typeName, List<ClaimSpec> earlier)
    {
        ObjectReader? claim = ObjectReader.Create(node, "a claim", ClaimKeys, _context);
        JsonString? name = claim?.SnakeName("name", "claim name");
        JsonNumber? key = claim?.Integer("key", required: true, long.MinValue, long.MaxValue);
        JsonString? type = claim?.OneOf("type", ClaimTypes.Names, "claim type");
        if (claim is null || name is null || key is null || type is null)
        {
            return null;
        }

        ClaimType kind = ClaimTypes.Parse(type.Value);
        string? propertyName = ReadPropertyName(claim, name.Value, typeName);
        string? claimSet = ReadClaimSet(claim, set, kind);
        JsonNumber? size = claim.Integer("size", required: false, 1, int.MaxValue);
        if (size is not null && kind is not (ClaimType.Bytes or ClaimType.BytesArray))
        {
            _context.Report(DiagnosticIds.InvalidValue, size.Range, $"'size' is the exact length of a byte string: it belongs to 'bytes' and 'bytes-array' claims, not to '{name.Value}' ({type.Value})");
            return null;
        }

        ClaimRegister? link = ReadRegister(claim, name.Value, kind, size);
        if (propertyName is null || (kind == ClaimType.ClaimSetArray && claimSet is null) || (claim.Has("register") && link is null))
        {
            return null;
        }

        long keyValue = ObjectReader.ValueOf(key);
        if (IsDuplicate(earlier, name, "Claim", c => c.Name == name.Value, name.Value) ||
            IsDuplicate(earlier, key, "Claim key", c => c.Key == keyValue, key.RawText) ||
            IsDuplicate(earlier, claim.Node("propertyName", required: false) ?? name, "Property", c => c.PropertyName == propertyName, propertyName))
        {
            return null;
        }

        return new ClaimSpec
        {
            Name = name.Value,
            PropertyName = propertyName,
            Key = keyValue,
            Type = kind,
            ClaimSet = claimSet,
            Size = size is null ? null : (int)ObjectReader.ValueOf(size),
            Optional = ReportReader.ReadBool(claim, "optional", _context),
            Register = link,
            Description = claim.String("description", required: false)?.Value,
        };
    }

    private bool IsDuplicate(List<ClaimSpec> earlier, JsonNode at, string what, System.Func<ClaimSpec, bool> same, string value)
    {
        if (!earlier.Any(same))
        {
            return false;
        }

        _context.Report(DiagnosticIds.DuplicateName, at.Range, what, value);
        return true;
    }

    /// <summary>The C# property: PascalCase, not the type's own name, not a member every claim set already has.</summary>
    private string? ReadPropertyName(ObjectReader claim, string name, string typeName)
    {
        JsonString? node = claim.String("propertyName", required: false);
        string propertyName = node?.Value ?? Naming.ToPascalCase(name);
        string? problem =
            node is not null && (!Naming.IsCSharpIdentifier(propertyName) || !char.IsUpper(propertyName[0])) ? "it must be a PascalCase C# identifier"
            : propertyName == typeName ? "it is the name of the claim set's own type"
            : System.Array.IndexOf(GeneratedMembers, propertyName) >= 0 ? "every claim set already has a member of that name"
            : null;
        if (problem is null)
        {
            return propertyName;
        }

        _context.Report(DiagnosticIds.InvalidName, (node ?? claim.String("name", required: true)!).Range, propertyName, "property name", problem);
        return null;
    }

    /// <summary><c>claimSet</c> is required on a claim-set array and allowed nowhere else; whether it exists is checked once all sets are read.</summary>
    private string? ReadClaimSet(ObjectReader claim, string set, ClaimType type)
    {
        JsonString? reference = claim.String("claimSet", required: type == ClaimType.ClaimSetArray);
        if (reference is null)
        {
            return null;
        }

        if (type != ClaimType.ClaimSetArray)
        {
            _context.Report(DiagnosticIds.InvalidValue, reference.Range, $"'claimSet' names the claim set of the items of a 'claim-set-array' claim; a '{type.Name()}' claim has none");
            return null;
        }

        _references.Add((set, reference));
        return reference.Value;
    }

    /// <summary>
    /// <c>register</c> on a <c>bytes</c> claim names one register (<c>rim</c>, <c>rtmr3</c>, <c>pcr7:sha256</c>); on a
    /// <c>bytes-array</c> claim, a register array (<c>rem</c>), whose elements the CBOR array holds in index order.
    /// </summary>
    private ClaimRegister? ReadRegister(ObjectReader claim, string name, ClaimType type, JsonNumber? size)
    {
        JsonString? reference = claim.String("register", required: false);
        if (reference is null)
        {
            return null;
        }

        if (type is not (ClaimType.Bytes or ClaimType.BytesArray))
        {
            _context.Report(DiagnosticIds.InvalidValue, reference.Range, $"'register' links a byte-string claim ('bytes' or 'bytes-array') to the register it reports; '{name}' is a '{type.Name()}' claim");
            return null;
        }

        if (size is not null)
        {
            _context.Report(DiagnosticIds.InvalidValue, size.Range, $"Claim '{name}' has both 'size' and 'register'; the register fixes the size");
            return null;
        }

        bool array = type == ClaimType.BytesArray;
        int colon = reference.Value.IndexOf(':');
        string baseName = colon < 0 ? reference.Value : reference.Value.Substring(0, colon);
        string? hash = colon < 0 ? null : reference.Value.Substring(colon + 1);
        List<RegisterSpec> matches = _registers
            .Where(r => (array ? r.ArrayName : r.Name) == baseName && (hash is null || r.Hash == hash))
            .ToList();
        if (matches.Count == 0)
        {
            ReportMissingRegister(reference, name, array, baseName);
            return null;
        }

        if (matches.Select(static r => (r.Hash, string.Join(",", r.HashChoices))).Distinct().Count() > 1)
        {
            string hashes = string.Join(", ", matches.Select(static r => r.Hash).Distinct());
            _context.Report(DiagnosticIds.InvalidValue, reference.Range, $"Register '{baseName}' exists with several hashes ({hashes}); name one, such as '{baseName}:{matches[0].Hash}'");
            return null;
        }

        RegisterSpec first = matches[0];
        EquatableArray<int> sizes = first.HashChoices.Count > 0
            ? first.HashChoices.Select(HashAlgorithms.DigestSize).Distinct().OrderBy(static s => s).ToEquatableArray()
            : new[] { first.Size }.ToEquatableArray();
        string? valueType = first.HashChoices.Count > 0 ? null
            : first.Hash == HashAlgorithms.None ? HashAlgorithms.OpaqueType(first.Size) : HashAlgorithms.DigestType(first.Hash);
        return new ClaimRegister(reference.Value, valueType, sizes, array ? matches.Count : 0);
    }

    private void ReportMissingRegister(JsonString reference, string name, bool array, string baseName)
    {
        if (array && _registers.Any(r => r.Name == baseName))
        {
            _context.Report(DiagnosticIds.InvalidValue, reference.Range, $"'{baseName}' is a single register; a 'bytes-array' claim names a register array ('rem' for rem0..rem3)");
        }
        else if (!array && _registers.Any(r => r.ArrayName == baseName))
        {
            _context.Report(DiagnosticIds.InvalidValue, reference.Range, $"'{baseName}' is a register array; a 'bytes' claim names one of its registers ('{baseName}0'), a 'bytes-array' claim the whole array");
        }
        else
        {
            if (!_context.IsBrokenRegister(reference.Value))
            {
                _context.Report(DiagnosticIds.UnknownRegisterReference, reference.Range, name, reference.Value);
            }
        }
    }

    /// <summary>Every <c>claimSet</c> names a claim set of this schema, and no claim set contains itself (the parser would recurse without bound).</summary>
    private void CheckReferences(List<ClaimSetSpec> sets)
    {
        Dictionary<string, ClaimSetSpec> byName = sets.ToDictionary(static s => s.Name, System.StringComparer.Ordinal);
        foreach ((string set, JsonString reference) in _references)
        {
            if (!byName.ContainsKey(reference.Value))
            {
                _context.Report(DiagnosticIds.InvalidValue, reference.Range, $"'claimSet' names '{reference.Value}', which is not a claim set of this schema");
            }
            else if (Reaches(byName, reference.Value, set, new HashSet<string>(System.StringComparer.Ordinal)))
            {
                _context.Report(DiagnosticIds.InvalidValue, reference.Range, $"Claim set '{set}' contains itself through '{reference.Value}'; claim sets cannot nest recursively");
            }
        }
    }

    private static bool Reaches(Dictionary<string, ClaimSetSpec> byName, string from, string target, HashSet<string> visited)
    {
        if (from == target)
        {
            return true;
        }

        if (!visited.Add(from) || !byName.TryGetValue(from, out ClaimSetSpec? set))
        {
            return false;
        }

        return set.Claims.Any(c => c.ClaimSet is not null && Reaches(byName, c.ClaimSet, target, visited));
    }
}
