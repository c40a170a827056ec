using System.Collections.Generic;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>Reads the <c>bits</c> of a flags field: single bits (<c>"debug": 0</c>) and subfields (<c>{"bit": 2, "width": 3}</c>).</summary>
internal static class FlagBitsReader
{
    private static readonly string[] SubfieldKeys = { "bit", "width" };

    public static EquatableArray<BitSpec> Read(ObjectReader field, FieldType type, int size, SchemaContext context)
    {
        JsonNode? node = field.Node("bits", required: type == FieldType.Flags);
        if (node is null)
        {
            return EquatableArray<BitSpec>.Empty;
        }

        if (type != FieldType.Flags || node is not JsonObject bits)
        {
            context.Report(DiagnosticIds.InvalidValue, node.Range, "'bits' belongs to 'flags' fields and maps bit names to bit numbers or {\"bit\": b, \"width\": w}");
            return EquatableArray<BitSpec>.Empty;
        }

        var result = new List<BitSpec>();
        ulong used = 0;
        foreach (JsonProperty property in bits.Properties)
        {
            BitSpec? bit = ReadBit(property, size * 8, context);
            if (bit is null)
            {
                continue;
            }

            ulong mask = (bit.Width >= 64 ? ulong.MaxValue : (1UL << bit.Width) - 1) << bit.Bit;
            if ((used & mask) != 0)
            {
                context.Report(DiagnosticIds.InvalidReportField, property.NameRange, $"Bits of '{bit.Name}' overlap another named bit of this field");
                continue;
            }

            used |= mask;
            result.Add(bit);
        }

        return result.ToEquatableArray();
    }

    private static BitSpec? ReadBit(JsonProperty property, int totalBits, SchemaContext context)
    {
        if (!Naming.IsSnakeName(property.Name))
        {
            context.Report(DiagnosticIds.InvalidName, property.NameRange, property.Name, "bit name", Naming.ExplainBadName(property.Name));
            return null;
        }

        if (property.Value is JsonNumber)
        {
            JsonNumber? number = ObjectReader.ReadInteger(property.Value, $"bit '{property.Name}'", 0, totalBits - 1, context);
            return number is null ? null : new BitSpec(property.Name, (int)ObjectReader.ValueOf(number), 1);
        }

        ObjectReader? subfield = ObjectReader.Create(property.Value, $"bit '{property.Name}'", SubfieldKeys, context);
        JsonNumber? bit = subfield?.Integer("bit", required: true, 0, totalBits - 1);
        JsonNumber? width = subfield?.Integer("width", required: true, 1, 64);
        if (bit is null || width is null)
        {
            return null;
        }

        int start = (int)ObjectReader.ValueOf(bit);
        int length = (int)ObjectReader.ValueOf(width);
        if (start + length > totalBits)
        {
            context.Report(DiagnosticIds.InvalidReportField, width.Range, System.FormattableString.Invariant($"Bits {start}..{start + length - 1} of '{property.Name}' do not fit a {totalBits}-bit field"));
            return null;
        }

        return new BitSpec(property.Name, start, length);
    }
}
