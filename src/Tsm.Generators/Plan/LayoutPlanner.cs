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
        ILookup<string, ReportFieldSpec> byName = report.Fields.ToLookup(static f => f.Name, System.StringComparer.Ordinal);
        bool IsVariant(ReportFieldSpec field) => byName[field.Name].Count() > 1;
        bool HasOffsetSlot(ReportFieldSpec field) =>
            field.IsDynamic || IsVariant(field) || field.ConstantOffset() + field.ConstantSize() > report.Size;
        bool HasPresenceSlot(ReportFieldSpec field) => field.IsConditional || IsVariant(field);
        bool IsStatic(ReportFieldSpec field) => !HasOffsetSlot(field) && !HasPresenceSlot(field);

        HashSet<string> testedByWhen = PresenceTested(report, byName, static f => f.When?.Field, IsStatic);
        HashSet<string> testedByAfter = PresenceTested(report, byName, static f => f.Placement.After, IsStatic);
        IReadOnlyList<EndUpdate> endUpdates = EndTracking.Decide(vendor, report, byName, HasOffsetSlot);
        ReportFieldSpec? lengthFromEnd = LengthFromEnd(report, endUpdates, IsVariant);
        HashSet<string> shaping = ValuesShapingLayout(report, except: lengthFromEnd);
        var needed = new HashSet<string>(ValuesShapingLayout(report, except: null).Concat(report.Checks.Select(static c => c.Field)), System.StringComparer.Ordinal);
        var plans = new List<FieldPlan>();
        foreach ((ReportFieldSpec field, EndUpdate endUpdate) in report.Fields.Zip(endUpdates, static (f, e) => (f, e)))
        {
            bool offsetSlot = HasOffsetSlot(field);
            bool presenceSlot = HasPresenceSlot(field);
            int? size = field.Length.Size;
            IntegerWidth? integer = size is int fixedSize ? field.Type.Integer(fixedSize) : null;
            (PropertyShape shape, string type) = Shape(vendor, report, field, integer, typeNames, @namespace);
            bool versionSlot = HasVersionSlot(byName, field);
            plans.Add(new FieldPlan
            {
                Field = field,
                HasOffsetSlot = offsetSlot,
                HasPresenceSlot = presenceSlot,
                PresentWhenValid = PresentWhenValid(report, byName, field),
                PresenceTestedByWhen = testedByWhen.Contains(field.Name),
                PresenceTestedByAfter = testedByAfter.Contains(field.Name),
                ValueNeeded = needed.Contains(field.Name),
                ValueShapesLayout = shaping.Contains(field.Name),
                HasVersionSlot = versionSlot,
                NestedVersionExpression = field.Nested is null ? null : versionSlot ? "_ver" + field.PropertyName : CSharpLiteral.Int(field.Nested.Version ?? 0),
                Step = !offsetSlot && !presenceSlot ? ParseStep.Static : !offsetSlot ? ParseStep.PlacedConditional : ParseStep.Dynamic,
                EndUpdate = endUpdate,
                LengthFromEnd = ReferenceEquals(field, lengthFromEnd),
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

    /// <summary>
    /// Fields whose value decides where other fields are or whether they exist: conditions, sizes, versions; the size
    /// of <paramref name="except"/> does not count (the view takes that length from the end of the input).
    /// </summary>
    private static HashSet<string> ValuesShapingLayout(ReportSpec report, ReportFieldSpec? except)
    {
        var shaping = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ReportFieldSpec field in report.Fields)
        {
            AddIfSet(shaping, field.When?.Field);
            AddIfSet(shaping, ReferenceEquals(field, except) ? null : field.Length.From);
            AddIfSet(shaping, field.Nested?.VersionFrom);
        }

        AddIfSet(shaping, report.VersionField);
        return shaping;
    }

    /// <summary>Fields that may be absent and whose presence a later field consults through <paramref name="reference"/> (its <c>after</c> or <c>when</c>).</summary>
    private static HashSet<string> PresenceTested(ReportSpec report, ILookup<string, ReportFieldSpec> byName, System.Func<ReportFieldSpec, string?> reference, System.Func<ReportFieldSpec, bool> isStatic)
    {
        var tested = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ReportFieldSpec field in report.Fields)
        {
            if (reference(field) is string referenced && !isStatic(byName[referenced].First()))
            {
                tested.Add(referenced);
            }
        }

        return tested;
    }

    /// <summary>
    /// The field sized by another whose length the view of validated bytes can take from the end of the input instead
    /// of reading the size: in a layout without trailing bytes, the last field to move the end, always there, not a
    /// variant, and lying past everything before it (<see cref="EndUpdate.Becomes"/>), ends where the input ends.
    /// </summary>
    private static ReportFieldSpec? LengthFromEnd(ReportSpec report, IReadOnlyList<EndUpdate> endUpdates, System.Func<ReportFieldSpec, bool> isVariant)
    {
        int last = -1;
        for (int i = 0; i < endUpdates.Count; i++)
        {
            if (endUpdates[i] != EndUpdate.Unchanged)
            {
                last = i;
            }
        }

        if (report.Trailing || last < 0 || endUpdates[last] != EndUpdate.Becomes)
        {
            return null;
        }

        ReportFieldSpec field = report.Fields[last];
        return field.Length.From is not null && !field.IsConditional && !isVariant(field) ? field : null;
    }

    /// <summary>
    /// Whether every input the checks accept has the field: all its occurrences depend on one always-present integer
    /// field (the version field through <c>versions</c>, or any field through <c>when</c>), and together they hold every
    /// value that field's checks allow.
    /// </summary>
    private static bool PresentWhenValid(ReportSpec report, ILookup<string, ReportFieldSpec> byName, ReportFieldSpec field)
    {
        string? On(ReportFieldSpec f) => f.Presence switch
        {
            { When: null, Versions.Count: > 0 } => report.VersionField,
            { When: ReportConditionSpec when, Versions.Count: 0 } => when.Field,
            _ => null,
        };

        IEnumerable<ReportFieldSpec> occurrences = byName[field.Name];
        string? on = On(occurrences.First());
        if (on is null || occurrences.Any(f => On(f) != on) || byName[on].First().IsConditional)
        {
            return false;
        }

        var values = new HashSet<long>(occurrences.SelectMany(static f => f.When?.Allowed ?? f.Versions));
        return report.Checks.Any(c => c.Field == on && c.Allowed.All(values.Contains));
    }

    /// <summary>
    /// A nested layout keeps its version in a slot when the parse reads it from a field, or when its variants nest it
    /// with different constant versions.
    /// </summary>
    private static bool HasVersionSlot(ILookup<string, ReportFieldSpec> byName, ReportFieldSpec field)
    {
        if (field.Nested is null)
        {
            return false;
        }

        var occurrences = byName[field.Name].Select(static f => f.Nested).OfType<NestedLayoutSpec>().ToList();
        return occurrences.Any(static n => n.VersionFrom is not null) || occurrences.Select(static n => n.Version ?? 0).Distinct().Count() > 1;
    }

    private static void AddIfSet(HashSet<string> set, string? value)
    {
        if (value is not null)
        {
            set.Add(value);
        }
    }
}
