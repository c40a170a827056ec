using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Emit;
using Tsm.Generators.Model;
using Tsm.Generators.Schema;

namespace Tsm.Generators.Plan;

/// <summary>
/// Decides, before anything is printed, how each field of a layout is kept, parsed and exposed. The emitters only
/// print a <see cref="LayoutPlan"/>; every choice that depends on a field's kind is made here by an exhaustive switch.
/// </summary>
internal static class LayoutPlanner
{
    /// <param name="namespace">The namespace the vendor class is generated in (flags types are nested in it).</param>
    public static LayoutPlan Plan(VendorSpec vendor, ReportSpec report, string @namespace)
    {
        Dictionary<string, string> typeNames = vendor.Reports.ToDictionary(static r => r.Name, static r => r.TypeName, System.StringComparer.Ordinal);
        HashSet<string> needed = ValuesNeeded(report);
        var occurrences = report.Fields.GroupBy(static f => f.Name).ToDictionary(static g => g.Key, static g => g.Count(), System.StringComparer.Ordinal);
        bool IsVariant(ReportFieldSpec field) => occurrences[field.Name] > 1;
        bool HasOffsetSlot(ReportFieldSpec field) =>
            field.IsDynamic || IsVariant(field) || field.ConstantOffset() + field.ConstantSize() > report.Size;
        bool HasPresenceSlot(ReportFieldSpec field) => field.IsConditional || IsVariant(field);
        bool IsStatic(ReportFieldSpec field) => !HasOffsetSlot(field) && !HasPresenceSlot(field);

        HashSet<string> tracked = PresenceTracked(report, HasPresenceSlot, IsStatic);
        var plans = new List<FieldPlan>();
        foreach (ReportFieldSpec field in report.Fields)
        {
            bool offsetSlot = HasOffsetSlot(field);
            bool presenceSlot = HasPresenceSlot(field);
            int? size = field.Length.Size;
            IntegerWidth? integer = size is int fixedSize ? field.Type.Integer(fixedSize) : null;
            (PropertyShape shape, string type) = Shape(vendor, report, field, integer, typeNames, @namespace);
            plans.Add(new FieldPlan
            {
                Field = field,
                HasOffsetSlot = offsetSlot,
                HasPresenceSlot = presenceSlot,
                PresenceTracked = tracked.Contains(field.Name),
                ValueNeeded = needed.Contains(field.Name),
                Step = !offsetSlot && !presenceSlot ? ParseStep.Static : !offsetSlot ? ParseStep.PlacedConditional : ParseStep.Dynamic,
                Shape = shape,
                Integer = integer,
                PropertyType = type,
                OffsetExpression = offsetSlot ? "_o" + field.PropertyName : CSharpLiteral.Int(field.ConstantOffset()),
                LengthExpression = offsetSlot ? "_l" + field.PropertyName : CSharpLiteral.Int(field.ConstantSize()),
            });
        }

        return new LayoutPlan(report, plans, typeNames);
    }

    private static (PropertyShape Shape, string Type) Shape(
        VendorSpec vendor, ReportSpec report, ReportFieldSpec field, IntegerWidth? integer, IReadOnlyDictionary<string, string> typeNames, string @namespace)
    {
        return field.Type switch
        {
            FieldType.U8 or FieldType.U16 or FieldType.U32 or FieldType.U64 =>
                (PropertyShape.Integer, field.As is not null ? "global::" + field.As : IntegerReads.CSharpType(integer!.Value)),
            FieldType.Flags => (PropertyShape.Flags, $"global::{@namespace}.{vendor.ClassName}.{FlagsTypes.NameOf(vendor, report, field)}"),
            FieldType.Layout => (PropertyShape.Nested, typeNames[field.Nested!.Layout]),
            FieldType.Bytes or FieldType.Digest or FieldType.Opaque =>
                ValueType(field) is string valueType ? (PropertyShape.Value, valueType) : (PropertyShape.Bytes, ReportNames.Span),
        };
    }

    /// <summary>The fixed-size value type a digest, opaque or linked field is shown as, or null for a plain byte span.</summary>
    private static string? ValueType(ReportFieldSpec field)
    {
        if (field.IsDynamic)
        {
            return null;
        }

        string? type = field.Register?.ValueType ?? field.Type switch
        {
            FieldType.Digest => HashAlgorithms.DigestType(field.Hash!),
            FieldType.Opaque => HashAlgorithms.OpaqueType(field.ConstantSize()),
            FieldType.Bytes => null,
            FieldType.U8 or FieldType.U16 or FieldType.U32 or FieldType.U64 or FieldType.Flags or FieldType.Layout =>
                throw new System.InvalidOperationException($"field '{field.Name}' is not a byte field"),
        };
        return type is null ? null : "global::Tsm." + type;
    }

    /// <summary>Fields whose value the parser itself needs: checks, conditions, sizes, versions.</summary>
    private static HashSet<string> ValuesNeeded(ReportSpec report)
    {
        var needed = new HashSet<string>(report.Checks.Select(static c => c.Field), System.StringComparer.Ordinal);
        foreach (ReportFieldSpec field in report.Fields)
        {
            AddIfSet(needed, field.When?.Field);
            AddIfSet(needed, field.Length.From);
            AddIfSet(needed, field.Nested?.VersionFrom);
        }

        AddIfSet(needed, report.VersionField);
        return needed;
    }

    /// <summary>Fields whose presence is stored, or consulted by a later field (<c>after</c>, <c>when</c>), and may be absent.</summary>
    private static HashSet<string> PresenceTracked(ReportSpec report, System.Func<ReportFieldSpec, bool> hasPresenceSlot, System.Func<ReportFieldSpec, bool> isStatic)
    {
        var tracked = new HashSet<string>(report.Fields.Where(hasPresenceSlot).Select(static f => f.Name), System.StringComparer.Ordinal);
        foreach (ReportFieldSpec field in report.Fields)
        {
            foreach (string? referenced in new[] { field.Placement.After, field.When?.Field })
            {
                if (referenced is not null && !isStatic(report.Fields.First(f => f.Name == referenced)))
                {
                    tracked.Add(referenced);
                }
            }
        }

        return tracked;
    }

    private static void AddIfSet(HashSet<string> set, string? value)
    {
        if (value is not null)
        {
            set.Add(value);
        }
    }
}
