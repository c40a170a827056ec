using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>Reads the fields of one layout, in order: a field may only refer to fields before it.</summary>
internal sealed class ReportFieldReader
{
    private static readonly string[] FieldKeys =
    {
        "name", "propertyName", "offset", "after", "size", "sizeFrom", "type", "description", "register", "hash", "versions", "when",
        "layout", "layoutVersion", "layoutVersionFrom", "as", "hashOf", "bits",
    };

    private static readonly string[] WhenKeys = { "field", "equals", "oneOf" };
    private static readonly string[] HashOfKeys = { "offset", "size" };

    private readonly int _reportSize;
    private readonly IReadOnlyDictionary<string, RegisterLink> _registers;
    private readonly SchemaContext _context;
    private readonly List<ReportFieldSpec> _fields = new();

    public ReportFieldReader(int reportSize, IReadOnlyDictionary<string, RegisterLink> registers, SchemaContext context)
    {
        _reportSize = reportSize;
        _registers = registers;
        _context = context;
    }

    public List<ReportFieldSpec> ReadAll(JsonArray fieldsNode, string typeName)
    {
        var ranges = new List<TextRange>();
        var propertyRanges = new List<TextRange>();
        foreach (JsonNode node in fieldsNode.Items)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            ReportFieldSpec? field = Read(node);
            if (field is not null)
            {
                _fields.Add(field);
                ranges.Add(node.Range);
                propertyRanges.Add(PropertyRange((JsonObject)node));
            }
        }

        CheckOverlaps(ranges);
        ReportMemberRules.Check(_fields, propertyRanges, typeName, _context);
        return _fields;
    }

    // The token a property-name problem belongs on: the field's propertyName when it gives one, else its name.
    private static TextRange PropertyRange(JsonObject field) =>
        field.TryGetProperty("propertyName", out JsonProperty given) ? given.Value.Range
        : field.TryGetProperty("name", out JsonProperty name) ? name.Value.Range
        : field.Range;

    private ReportFieldSpec? Read(JsonNode node)
    {
        ObjectReader? field = ObjectReader.Create(node, "a report field", FieldKeys, _context);
        JsonString? name = field?.SnakeName("name", "field name");
        JsonString? type = field?.OneOf("type", FieldTypes.Names, "field type");
        if (field is null || name is null || type is null)
        {
            return null;
        }

        FieldType kind = FieldTypes.Parse(type.Value);
        string propertyName = ReadPropertyName(field, name.Value);
        (int? offset, string? after, bool placed) = ReadPlacement(field, "offset", "after");
        (int? constantSize, string? sizeFrom, bool sized) = ReadPlacement(field, "size", "sizeFrom");
        ReportConditionSpec? when = ReadWhen(field);
        if (!placed || !sized || !CheckSizeFrom(field, kind, sizeFrom))
        {
            return null;
        }

        // The size checks below see 0 for a size another field gives: no type, register or struct has that size.
        int size = constantSize ?? 0;
        JsonString? hash = field.String("hash", required: false);
        if (sizeFrom is null && !CheckType(name.Value, kind, type, size, field.Node("size", required: true)!.Range, hash))
        {
            return null;
        }

        EquatableArray<long> versions = ReadVersions(field);
        var spec = new ReportFieldSpec
        {
            Name = name.Value,
            PropertyName = propertyName,
            Type = kind,
            Placement = after is null ? FieldPlacement.At(offset!.Value) : FieldPlacement.Following(after),
            Length = sizeFrom is null ? FieldLength.Fixed(size) : FieldLength.FromField(sizeFrom),
            Presence = versions.Count > 0 || when is not null ? new FieldPresence(versions, when) : null,
            Nested = ReadLayout(field, kind),
            Hash = hash?.Value,
            HashOf = ReadHashOf(field, kind),
            Register = ReadRegister(field, name.Value, kind, size),
            As = ReadAs(field, type.Value, size),
            Bits = FlagBitsReader.Read(field, kind, size, _context),
            Description = field.String("description", required: false)?.Value,
        };

        return CheckPlacementInReport(name, spec) && CheckVariant(name, spec) ? spec : null;
    }

    private string ReadPropertyName(ObjectReader field, string name)
    {
        JsonString? propertyName = field.String("propertyName", required: false);
        if (propertyName is null)
        {
            return Naming.ToPascalCase(name);
        }

        if (!Naming.IsCSharpIdentifier(propertyName.Value) || !char.IsUpper(propertyName.Value[0]))
        {
            _context.Report(DiagnosticIds.InvalidName, propertyName.Range, propertyName.Value, "property name", "it must be a PascalCase C# identifier");
            return Naming.ToPascalCase(name);
        }

        return propertyName.Value;
    }

    /// <summary>Exactly one of a constant (<paramref name="constantKey"/>) and a reference to an earlier field (<paramref name="referenceKey"/>).</summary>
    private (int? Constant, string? Reference, bool Ok) ReadPlacement(ObjectReader field, string constantKey, string referenceKey)
    {
        bool hasConstant = field.Has(constantKey);
        bool hasReference = field.Has(referenceKey);
        if (hasConstant && hasReference)
        {
            _context.Report(DiagnosticIds.InvalidValue, field.Node(referenceKey, required: false)!.Range, $"A report field has both '{constantKey}' and '{referenceKey}'; give exactly one");
            return (null, null, false);
        }

        if (!hasConstant && !hasReference)
        {
            _context.Report(DiagnosticIds.MissingKey, SchemaContext.Opening(field.Json), constantKey, $"a report field (give '{constantKey}' or '{referenceKey}')");
            return (null, null, false);
        }

        if (hasConstant)
        {
            JsonNumber? number = field.Integer(constantKey, required: true, constantKey == "size" ? 1 : 0, int.MaxValue);
            return number is null ? (null, null, false) : ((int)ObjectReader.ValueOf(number), null, true);
        }

        JsonString? reference = field.String(referenceKey, required: true);
        if (reference is null || Earlier(reference.Value) is null)
        {
            if (reference is not null)
            {
                _context.Report(DiagnosticIds.InvalidReportField, reference.Range, $"'{referenceKey}' names '{reference.Value}', which is not a field defined earlier in this layout");
            }

            return (null, null, false);
        }

        return (null, reference.Value, true);
    }

    private bool CheckSizeFrom(ObjectReader field, FieldType type, string? sizeFrom)
    {
        if (sizeFrom is null)
        {
            return true;
        }

        JsonString reference = field.String("sizeFrom", required: true)!;
        if (type is not (FieldType.Bytes or FieldType.Opaque or FieldType.Layout))
        {
            _context.Report(DiagnosticIds.InvalidReportField, reference.Range, $"Only 'bytes', 'opaque' and 'layout' fields can take their size from another field, not '{type.Name()}'");
            return false;
        }

        if (Earlier(sizeFrom)!.Type is not (FieldType.U8 or FieldType.U16 or FieldType.U32))
        {
            _context.Report(DiagnosticIds.InvalidReportField, reference.Range, $"'sizeFrom' names '{sizeFrom}', which is not a u8, u16 or u32 field");
            return false;
        }

        return true;
    }

    /// <param name="sizeAt">The <c>size</c> value: a size the type does not allow is reported there, where
    /// tsm-vendor.schema.json reports it too (the broken-schema corpus, issue 8 §1).</param>
    private bool CheckType(string field, FieldType kind, JsonString type, int size, TextRange sizeAt, JsonString? hash)
    {
        if (hash is not null && kind != FieldType.Digest)
        {
            _context.Report(DiagnosticIds.InvalidValue, hash.Range, $"'hash' belongs to 'digest' fields; field '{field}' is {type.Value}");
            return false;
        }

        int expected = kind.FixedSize() ?? (kind == FieldType.Digest ? (hash is null ? 0 : HashAlgorithms.DigestSize(hash.Value)) : size);
        if (kind == FieldType.Digest && (hash is null || expected == 0))
        {
            _context.Report(DiagnosticIds.InvalidValue, hash?.Range ?? type.Range, $"Digest field '{field}' needs a 'hash' naming a kernel hash algorithm");
            return false;
        }

        if (kind == FieldType.Flags && size is not (1 or 2 or 4 or 8))
        {
            _context.Report(DiagnosticIds.InvalidValue, sizeAt, Invariant($"Flags field '{field}' must be 1, 2, 4 or 8 bytes, not {size}"));
            return false;
        }

        if (expected != size)
        {
            _context.Report(DiagnosticIds.InvalidReportField, sizeAt, Invariant($"Field '{field}' is {size} bytes, but type {type.Value}{(hash is null ? string.Empty : " " + hash.Value)} is {expected} bytes"));
            return false;
        }

        return true;
    }

    private ReportConditionSpec? ReadWhen(ObjectReader field)
    {
        JsonNode? node = field.Node("when", required: false);
        ObjectReader? when = node is null ? null : ObjectReader.Create(node, "'when'", WhenKeys, _context);
        JsonString? on = when?.String("field", required: true);
        if (when is null || on is null)
        {
            return null;
        }

        if (Earlier(on.Value) is not { IsInteger: true })
        {
            _context.Report(DiagnosticIds.InvalidReportField, on.Range, $"'when' names '{on.Value}', which is not an integer field defined earlier in this layout");
            return null;
        }

        EquatableArray<long> allowed = ReportCheckReader.ReadAllowed(when, _context);
        return allowed.Count == 0 ? null : new ReportConditionSpec(on.Value, allowed);
    }

    private FieldRegister? ReadRegister(ObjectReader field, string name, FieldType type, int size)
    {
        JsonString? register = field.String("register", required: false);
        if (register is null)
        {
            return null;
        }

        if (!_registers.TryGetValue(register.Value, out RegisterLink? link))
        {
            if (!_context.IsBrokenRegister(register.Value))
            {
                _context.Report(DiagnosticIds.UnknownRegisterReference, register.Range, name, register.Value);
            }

            return null;
        }

        if (type is not (FieldType.Digest or FieldType.Opaque or FieldType.Bytes) || link.Size != size || link.ValueType is null)
        {
            _context.Report(DiagnosticIds.InvalidReportField, register.Range, Invariant($"Field '{name}' ({type.Name()}, {size} bytes) cannot report register '{link.Name}' ({link.Size} bytes): a linked field has the register's size and value type"));
            return null;
        }

        return new FieldRegister(link.Name, link.ValueType);
    }

    private NestedLayoutSpec? ReadLayout(ObjectReader field, FieldType type)
    {
        JsonString? layout = field.String("layout", required: type == FieldType.Layout);
        JsonNumber? version = field.Integer("layoutVersion", required: false, 0, uint.MaxValue);
        JsonString? versionFrom = field.String("layoutVersionFrom", required: false);
        if (type != FieldType.Layout && (layout ?? (JsonNode?)version ?? versionFrom) is JsonNode stray)
        {
            _context.Report(DiagnosticIds.InvalidValue, stray.Range, "'layout', 'layoutVersion' and 'layoutVersionFrom' belong to fields of type 'layout'");
            return null;
        }

        if (layout is null)
        {
            return null;
        }

        if (version is not null && versionFrom is not null)
        {
            // docs/schema.md: not both; reported on the second, where tsm-vendor.schema.json reports it (issue 8 §1).
            _context.Report(DiagnosticIds.InvalidValue, versionFrom.Range, "A layout field has both 'layoutVersion' and 'layoutVersionFrom'; give exactly one");
            return new NestedLayoutSpec(layout.Value, null, null);
        }

        if (versionFrom is not null && Earlier(versionFrom.Value) is not { IsInteger: true })
        {
            _context.Report(DiagnosticIds.InvalidReportField, versionFrom.Range, $"'layoutVersionFrom' names '{versionFrom.Value}', which is not an integer field defined earlier in this layout");
            return new NestedLayoutSpec(layout.Value, null, null);
        }

        return new NestedLayoutSpec(layout.Value, version is null ? null : ObjectReader.ValueOf(version), versionFrom?.Value);
    }

    private HashOfSpec? ReadHashOf(ObjectReader field, FieldType type)
    {
        JsonNode? node = field.Node("hashOf", required: false);
        if (node is null)
        {
            return null;
        }

        ObjectReader? hashOf = type == FieldType.Digest ? ObjectReader.Create(node, "'hashOf'", HashOfKeys, _context) : null;
        if (type != FieldType.Digest)
        {
            _context.Report(DiagnosticIds.InvalidValue, node.Range, "'hashOf' belongs to 'digest' fields");
        }

        JsonNumber? offset = hashOf?.Integer("offset", required: true, 0, _reportSize - 1);
        JsonNumber? size = hashOf?.Integer("size", required: true, 1, _reportSize);
        if (offset is null || size is null)
        {
            return null;
        }

        long start = ObjectReader.ValueOf(offset);
        long length = ObjectReader.ValueOf(size);
        if (start + length > _reportSize)
        {
            _context.Report(DiagnosticIds.InvalidReportField, size.Range, Invariant($"'hashOf' covers bytes {start}..{start + length}, past the end of the {_reportSize}-byte layout"));
            return null;
        }

        return new HashOfSpec((int)start, (int)length);
    }

    private string? ReadAs(ObjectReader field, string type, int size)
    {
        JsonString? @as = field.String("as", required: false);
        if (@as is null)
        {
            return null;
        }

        IntegerWidth? width = type switch
        {
            "u32" => IntegerWidth.U32,
            "u64" => IntegerWidth.U64,
            _ => null,
        };
        if (width is not IntegerWidth integer)
        {
            _context.Report(DiagnosticIds.InvalidValue, @as.Range, Invariant($"'as' gives a C# type (such as Tsm.Attestation.SnpTcbVersion) for a u32 or u64 field, not for a {size}-byte {type} field"));
            return null;
        }

        if (AsTypeNames.Normalize(@as.Value) is not { } name)
        {
            string? meant = AsTypeNames.Suggest(@as.Value);
            _context.Report(DiagnosticIds.InvalidValue, @as.Range, $"'as' is '{@as.Value}', not a fully qualified C# type name: Namespace.Type, or global::Type for a type of the global namespace" + (meant is null ? string.Empty : $"; did you mean '{meant}'?"));
            return null;
        }

        _context.ReferenceAsType(name, integer, @as.Range);
        return name;
    }

    private EquatableArray<long> ReadVersions(ObjectReader field)
    {
        JsonArray? versions = field.Array("versions", required: false);
        var result = new List<long>();
        foreach (JsonNode item in versions?.Items ?? (IReadOnlyList<JsonNode>)System.Array.Empty<JsonNode>())
        {
            JsonNumber? version = ObjectReader.ReadInteger(item, "a version", 0, uint.MaxValue, _context);
            if (version is not null)
            {
                result.Add(ObjectReader.ValueOf(version));
            }
        }

        return result.ToEquatableArray();
    }

    /// <summary>An always-present field at a fixed place must lie inside the layout's minimum size.</summary>
    private bool CheckPlacementInReport(JsonString name, ReportFieldSpec field)
    {
        if (field.IsDynamic || field.IsConditional || (long)field.ConstantOffset() + field.ConstantSize() <= _reportSize)
        {
            return true;
        }

        int offset = field.ConstantOffset();
        int size = field.ConstantSize();
        _context.Report(DiagnosticIds.InvalidReportField, name.Range, Invariant($"Field '{field.Name}' (offset {offset}, size {size}) ends at {offset + size}, outside the {_reportSize}-byte report"));
        return false;
    }

    /// <summary>A repeated name is a variant: each occurrence selected by a disjoint <c>when</c> on the same field, all of one type.</summary>
    private bool CheckVariant(JsonString name, ReportFieldSpec field)
    {
        ReportFieldSpec? other = _fields.FirstOrDefault(f => f.Name == field.Name);
        if (other is null)
        {
            return true;
        }

        bool ok = field.When is not null && other.When is not null && field.When.Field == other.When.Field &&
            _fields.Where(f => f.Name == field.Name).All(f => !f.When!.Allowed.Any(v => field.When.Allowed.Contains(v))) &&
            field.Type == other.Type && field.Nested?.Layout == other.Nested?.Layout && field.PropertyName == other.PropertyName;
        if (!ok)
        {
            _context.Report(DiagnosticIds.DuplicateName, name.Range, "Field", field.Name + " (a repeated field is a variant: each occurrence needs a 'when' on the same field with disjoint values, and the same type)");
        }

        return ok;
    }

    private ReportFieldSpec? Earlier(string name) => _fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Two fixed fields overlap when their byte ranges intersect in a version and condition both can have.</summary>
    private void CheckOverlaps(List<TextRange> ranges)
    {
        for (int i = 0; i < _fields.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                ReportFieldSpec a = _fields[j];
                ReportFieldSpec b = _fields[i];
                if (a.IsDynamic || b.IsDynamic)
                {
                    continue;
                }

                (int aOffset, int aSize, int bOffset, int bSize) = (a.ConstantOffset(), a.ConstantSize(), b.ConstantOffset(), b.ConstantSize());
                if (aOffset >= bOffset + bSize || bOffset >= aOffset + aSize)
                {
                    continue;
                }

                bool shareVersion = a.Versions.Count == 0 || b.Versions.Count == 0 || a.Versions.Any(v => b.Versions.Contains(v));
                bool exclusive = a.When is not null && b.When is not null && a.When.Field == b.When.Field && !a.When.Allowed.Any(v => b.When.Allowed.Contains(v));
                if (shareVersion && !exclusive)
                {
                    _context.Report(DiagnosticIds.InvalidReportField, ranges[i], Invariant($"Field '{b.Name}' (offset {bOffset}, size {bSize}) overlaps field '{a.Name}' (offset {aOffset}, size {aSize})"));
                }
            }
        }
    }

    private static string Invariant(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
