using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;

namespace Tsm.Generators.Emit;

/// <summary>
/// Writes one claim set as a sealed class: <c>Parse</c>/<c>TryParse</c> over one CBOR map, one read-only property per
/// claim, and <c>VisitFields</c>. The map is read once, in order; every required claim must be present once with its
/// CBOR type and length before the object exists, and byte strings stay slices of the caller's memory.
/// </summary>
internal static class ClaimSetEmitter
{
    private const string Memory = "global::System.ReadOnlyMemory<byte>";
    private const string MemoryCref = "global::System.ReadOnlyMemory{byte}";
    private const string Reader = "global::Tsm.Cbor.CborClaimReader";
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
    private const string List = "global::System.Collections.Generic.List";
    private const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";

    public static string Emit(VendorSpec vendor, ClaimSetSpec set, string @namespace, string accessibility)
    {
        Dictionary<string, string> typeNames = vendor.ClaimSets.ToDictionary(static s => s.Name, static s => s.TypeName, System.StringComparer.Ordinal);
        string t = set.TypeName;
        var w = new SourceWriter();
        w.FileHeader($"from the \"{set.Name}\" claim set of the vendor schema \"{vendor.Vendor}\". Edit the schema, not this file.");
        w.Open($"namespace {@namespace}");
        w.Summary(set.Description ?? $"The {set.Name} claim set of {vendor.DisplayName}.");
        w.Line("/// <remarks>");
        w.Line($"/// One CBOR map of claims under integer keys. <see cref=\"Parse({MemoryCref})\"/> reads it as strict CBOR and, before");
        w.Line("/// anything is exposed, checks that every required claim is present once with its CBOR type and length, skipping");
        w.Line("/// claims it does not know; it throws <see cref=\"global::Tsm.ReportFormatException\"/> naming the byte offset and");
        w.Line($"/// the reason, <see cref=\"TryParse({MemoryCref}, out {t})\"/> returns false instead. Byte-string claims are slices");
        w.Line("/// of the caller's memory: nothing is copied, so keep it unchanged while the claims are used.");
        w.Line("/// </remarks>");
        w.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{GeneratorInfo.Name}\", \"{GeneratorInfo.Version}\")]");
        w.Open($"{accessibility} sealed class {t}");
        EmitConstructor(w, set, typeNames);
        foreach (ClaimSpec claim in set.Claims)
        {
            w.Line();
            w.Summary(Describe(claim, typeNames));
            w.Line($"public {PublicType(claim, typeNames)} {claim.PropertyName} {{ get; }}");
        }

        EmitFactories(w, t);
        EmitReadFrom(w, set, typeNames);
        EmitVisit(w, set, typeNames);
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static void EmitConstructor(SourceWriter w, ClaimSetSpec set, IReadOnlyDictionary<string, string> typeNames)
    {
        string parameters = string.Join(", ", set.Claims.Select(c => $"{PublicType(c, typeNames)} @{c.Name}"));
        w.Open($"private {set.TypeName}({parameters})");
        foreach (ClaimSpec claim in set.Claims)
        {
            w.Line($"{claim.PropertyName} = @{claim.Name};");
        }

        w.Close();
    }

    private static void EmitFactories(SourceWriter w, string t)
    {
        w.Line();
        w.SummaryXml($"Parses {t} from the encoded CBOR map in <paramref name=\"cborMap\"/>.");
        w.Line("/// <param name=\"cborMap\">Exactly one CBOR map; byte-string claims are slices of it.</param>");
        w.Line("/// <exception cref=\"global::Tsm.ReportFormatException\">The bytes are not a valid claim map; the exception names the byte offset and the reason.</exception>");
        w.Open($"public static {t} Parse({Memory} cborMap)");
        w.Line($"var reader = new {Reader}(cborMap, \"{t}\");");
        w.Line($"{t} claims = ReadFrom(reader);");
        w.Line($"reader.ReadEnd(\"the {t} map\");");
        w.Line("return claims;");
        w.Close();
        w.Line();
        w.SummaryXml($"Parses {t} from the encoded CBOR map in <paramref name=\"cborMap\"/>; false when the bytes are not a valid claim map.");
        w.Line("/// <param name=\"cborMap\">Exactly one CBOR map.</param>");
        w.Line("/// <param name=\"claims\">The claims, when the result is true.</param>");
        w.Open($"public static bool TryParse({Memory} cborMap, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {t}? claims)");
        w.Open("try");
        w.Line("claims = Parse(cborMap);");
        w.Line("return true;");
        w.Close();
        w.Open("catch (global::Tsm.ReportFormatException)");
        w.Line("claims = null;");
        w.Line("return false;");
        w.Close();
        w.Close();
    }

    /// <summary>
    /// <c>ReadFrom</c>: one pass over the map. Each claim's local is null until its key is seen, which also catches a
    /// second occurrence that strict CBOR lets through (the same key encoded in two lengths).
    /// </summary>
    private static void EmitReadFrom(SourceWriter w, ClaimSetSpec set, IReadOnlyDictionary<string, string> typeNames)
    {
        string t = set.TypeName;
        w.Line();
        w.Line("/// <summary>Reads the map at the reader's position; envelopes use it to report offsets in their own buffer.</summary>");
        w.Open($"internal static {t} ReadFrom({Reader} reader)");
        w.Line("int mapOffset = reader.Offset;");
        w.Line($"reader.ReadStartMap(\"{t}\");");
        foreach (ClaimSpec claim in set.Claims)
        {
            w.Line($"{PublicType(claim, typeNames, optional: false)}? v{claim.PropertyName} = null;");
        }

        w.Open("while (reader.TryReadKey(out long key, out int keyOffset))");
        w.Open("switch (key)");
        foreach (ClaimSpec claim in set.Claims)
        {
            string what = What(set, claim);
            w.Line($"case {CSharpLiteral.Int(claim.Key)}:");
            w.OpenBlock();
            w.Open($"if (v{claim.PropertyName} is not null)");
            w.Line($"throw reader.Error(keyOffset, \"{what} appears more than once\");");
            w.Close();
            w.Line();
            EmitReadValue(w, claim, what, typeNames);
            w.Line("break;");
            w.Close();
        }

        w.Line("default:");
        w.Indent();
        w.Line("reader.SkipValue();");
        w.Line("break;");
        w.Outdent();
        w.Close();
        w.Close();
        foreach (ClaimSpec claim in set.Claims.Where(static c => !c.Optional))
        {
            w.Line();
            w.Open($"if (v{claim.PropertyName} is null)");
            w.Line($"throw reader.Error(mapOffset, \"{t} is missing the required {ClaimName(claim)}\");");
            w.Close();
        }

        w.Line();
        string arguments = string.Join(", ", set.Claims.Select(c => "v" + c.PropertyName + (!c.Optional && IsValueType(c) ? ".Value" : string.Empty)));
        w.Line($"return new {t}({arguments});");
        w.Close();
    }

    private static void EmitReadValue(SourceWriter w, ClaimSpec claim, string what, IReadOnlyDictionary<string, string> typeNames)
    {
        string v = "v" + claim.PropertyName;
        System.Action emit = claim.Type switch
        {
            ClaimType.Text => () => w.Line($"{v} = reader.ReadTextString(\"{what}\");"),
            ClaimType.Integer => () => w.Line($"{v} = reader.ReadUnsignedInteger(\"{what}\");"),
            ClaimType.Bytes => () => EmitReadBytes(w, claim, what, v),
            ClaimType.BytesArray or ClaimType.ClaimSetArray => () => EmitReadArray(w, claim, what, v, typeNames),
        };
        emit();
    }

    private static void EmitReadBytes(SourceWriter w, ClaimSpec claim, string what, string v)
    {
        if (!HasLengthCheck(claim))
        {
            string read = $"reader.ReadByteString(\"{what}\", out _)";
            w.Line($"{v} = {Element(claim, read)};");
            return;
        }

        w.Line("int at = reader.Offset;");
        w.Line($"{Memory} bytes = reader.ReadByteString(\"{what}\", out _);");
        EmitLengthCheck(w, claim, "at", what);
        w.Line($"{v} = {Element(claim, "bytes")};");
    }

    private static void EmitReadArray(SourceWriter w, ClaimSpec claim, string what, string v, IReadOnlyDictionary<string, string> typeNames)
    {
        bool ofClaimSets = claim.Type == ClaimType.ClaimSetArray;
        string item = ofClaimSets ? typeNames[claim.ClaimSet!] : ItemType(claim);
        int count = claim.Register?.Count ?? 0;
        if (count > 0)
        {
            w.Line("int at = reader.Offset;");
        }

        w.Line($"reader.ReadStartArray(\"{what}\");");
        w.Line($"var items = new {List}<{item}>();");
        w.Open("while (!reader.TryReadEndArray())");
        if (ofClaimSets)
        {
            w.Line($"items.Add({item}.ReadFrom(reader));");
        }
        else
        {
            if (HasLengthCheck(claim))
            {
                w.Line("int itemOffset = reader.Offset;");
            }

            w.Line($"{Memory} bytes = reader.ReadByteString(\"{what}\", out _);");
            EmitLengthCheck(w, claim, "itemOffset", "item {items.Count} of " + what);
            w.Line($"items.Add({Element(claim, "bytes")});");
        }

        w.Close();
        w.Line();
        if (count > 0)
        {
            string literal = CSharpLiteral.Int(count);
            w.Open($"if (items.Count != {literal})");
            w.Line($"throw reader.Error(at, string.Create({Invariant}, $\"{what} has {{items.Count}} items; register array '{claim.Register!.Name}' has {literal}\"));");
            w.Close();
            w.Line();
        }

        w.Line($"{v} = items.AsReadOnly();");
    }

    private static bool HasLengthCheck(ClaimSpec claim) => claim.Size is not null || claim.Register is not null;

    /// <summary>The exact length (<c>size</c>), or the lengths the linked register can have.</summary>
    private static void EmitLengthCheck(SourceWriter w, ClaimSpec claim, string offset, string what)
    {
        if (!HasLengthCheck(claim))
        {
            return;
        }

        List<int> sizes = claim.Size is int size ? new List<int> { size } : claim.Register!.Sizes.ToList();
        string allowed = Alternatives(sizes);
        string condition = sizes.Count == 1
            ? $"bytes.Length != {allowed}"
            : $"bytes.Length is not ({string.Join(" or ", sizes.Select(static s => CSharpLiteral.Int(s)))})";
        string expected = claim.Register is null ? $"expected {allowed}" : $"register '{claim.Register.Name}' values are {allowed} bytes";
        w.Open($"if ({condition})");
        w.Line($"throw reader.Error({offset}, string.Create({Invariant}, $\"{what} is {{bytes.Length}} bytes; {expected}\"));");
        w.Close();
        w.Line();
    }

    private static void EmitVisit(SourceWriter w, ClaimSetSpec set, IReadOnlyDictionary<string, string> typeNames)
    {
        w.Line();
        w.SummaryXml("Passes every present claim, in schema order and under its schema name, to <paramref name=\"visitor\"/>.");
        w.Line("/// <param name=\"visitor\">Receives the claims; arrays and nested claim sets arrive between BeginNested and EndNested, their items named by index.</param>");
        w.Open("public void VisitFields(global::Tsm.IReportFieldVisitor visitor)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(visitor);");
        ClaimSpec last = set.Claims[set.Claims.Count - 1];
        foreach (ClaimSpec claim in set.Claims)
        {
            string p = claim.PropertyName;
            string value = claim.Optional && IsValueType(claim) ? p + ".Value" : p;
            if (claim.Optional)
            {
                w.Open($"if ({p} is not null)");
            }

            string n = CSharpLiteral.String(claim.Name);
            System.Action visit = claim.Type switch
            {
                ClaimType.Text => () => w.Line($"visitor.Text({n}, {value});"),
                ClaimType.Integer => () => w.Line($"visitor.Integer({n}, (ulong){value});"),
                ClaimType.Bytes => () => VisitBytes(w, claim, n, value),
                ClaimType.BytesArray or ClaimType.ClaimSetArray => () => VisitArray(w, claim, n, typeNames),
            };
            visit();
            if (claim.Optional)
            {
                w.Close();
                if (!ReferenceEquals(claim, last))
                {
                    w.Line();
                }
            }
        }

        w.Close();
    }

    /// <summary>An array arrives between BeginNested and EndNested, its items named by index.</summary>
    private static void VisitArray(SourceWriter w, ClaimSpec claim, string name, IReadOnlyDictionary<string, string> typeNames)
    {
        string p = claim.PropertyName;
        string item = ItemName(claim, typeNames);
        w.Line($"visitor.BeginNested({name}, {CSharpLiteral.String(item + "[]")});");
        w.Open($"for (int i = 0; i < {p}.Count; i++)");
        string index = $"i.ToString({Invariant})";
        if (claim.Type == ClaimType.ClaimSetArray)
        {
            w.Line($"visitor.BeginNested({index}, {CSharpLiteral.String(item)});");
            w.Line($"{p}[i].VisitFields(visitor);");
            w.Line("visitor.EndNested();");
        }
        else
        {
            VisitBytes(w, claim, index, $"{p}[i]");
        }

        w.Close();
        w.Line();
        w.Line("visitor.EndNested();");
    }

    /// <summary>Raw byte strings pass their span; register values are copied to a local first, since their bytes live inline.</summary>
    private static void VisitBytes(SourceWriter w, ClaimSpec claim, string name, string value)
    {
        if (claim.Register?.ValueType is null)
        {
            w.Line($"visitor.Bytes({name}, {value}.Span);");
            return;
        }

        w.OpenBlock();
        w.Line($"{ItemType(claim)} value = {value};");
        w.Line($"visitor.Bytes({name}, value.Bytes);");
        w.Close();
    }

    /// <summary>How a claim is named in error messages: <c>claim 'rim' (key 44238) of CcaRealmClaims</c>.</summary>
    private static string What(ClaimSetSpec set, ClaimSpec claim) => ClaimName(claim) + " of " + set.TypeName;

    private static string ClaimName(ClaimSpec claim) => $"claim '{claim.Name}' (key {CSharpLiteral.Int(claim.Key)})";

    private static string Describe(ClaimSpec claim, IReadOnlyDictionary<string, string> typeNames)
    {
        string facts = claim.Type switch
        {
            ClaimType.Bytes => claim.Size is int size ? $"a {CSharpLiteral.Int(size)}-byte byte string" : "a byte string",
            ClaimType.Text => "a text string",
            ClaimType.Integer => "an unsigned integer",
            ClaimType.BytesArray => claim.Size is int itemSize ? $"an array of {CSharpLiteral.Int(itemSize)}-byte byte strings" : "an array of byte strings",
            ClaimType.ClaimSetArray => $"an array of {typeNames[claim.ClaimSet!]} claim sets",
        };
        string register = claim.Register is null ? string.Empty
            : claim.Register.ValueType is null ? $"; reports register '{claim.Register.Name}', whose hash is chosen at run time: {Alternatives(claim.Register.Sizes.ToList())} bytes"
            : $"; reports register '{claim.Register.Name}'";
        string presence = claim.Optional ? " Null when the map does not have it." : string.Empty;
        string summary = $"Claim '{claim.Name}' (key {CSharpLiteral.Int(claim.Key)}, {facts}{register}).{presence}";
        return claim.Description is null ? summary : claim.Description + " " + summary;
    }

    /// <summary><c>32</c>, <c>32 or 64</c>, <c>32, 48 or 64</c>.</summary>
    private static string Alternatives(List<int> values) => values.Count == 1
        ? CSharpLiteral.Int(values[0])
        : string.Join(", ", values.Take(values.Count - 1).Select(static v => CSharpLiteral.Int(v))) + " or " + CSharpLiteral.Int(values[values.Count - 1]);

    private static bool IsValueType(ClaimSpec claim) => claim.Type switch
    {
        ClaimType.Bytes or ClaimType.Integer => true,
        ClaimType.Text or ClaimType.BytesArray or ClaimType.ClaimSetArray => false,
    };

    /// <summary>The type of one byte-string value: the register's value type when it has a fixed one, else raw memory.</summary>
    private static string ItemType(ClaimSpec claim) => claim.Register?.ValueType is string valueType ? "global::Tsm." + valueType : Memory;

    private static string Element(ClaimSpec claim, string bytes) =>
        claim.Register?.ValueType is string valueType ? $"global::Tsm.{valueType}.FromBytes({bytes}.Span)" : bytes;

    private static string PublicType(ClaimSpec claim, IReadOnlyDictionary<string, string> typeNames, bool optional = true)
    {
        string type = claim.Type switch
        {
            ClaimType.Text => "string",
            ClaimType.Integer => "long",
            ClaimType.Bytes => ItemType(claim),
            ClaimType.BytesArray => $"{ReadOnlyList}<{ItemType(claim)}>",
            ClaimType.ClaimSetArray => $"{ReadOnlyList}<{typeNames[claim.ClaimSet!]}>",
        };
        return optional && claim.Optional ? type + "?" : type;
    }

    /// <summary>The item type a visitor is told about: the nested claim set, the register value type, or <c>bytes</c>.</summary>
    private static string ItemName(ClaimSpec claim, IReadOnlyDictionary<string, string> typeNames) =>
        claim.Type == ClaimType.ClaimSetArray ? typeNames[claim.ClaimSet!] : claim.Register?.ValueType ?? "bytes";
}
