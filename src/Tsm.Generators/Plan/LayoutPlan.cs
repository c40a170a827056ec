using System.Collections.Generic;
using System.Linq;
using Tsm.Generators.Model;

namespace Tsm.Generators.Plan;

/// <summary>The plan of one report layout: a <see cref="FieldPlan"/> per field occurrence, and the view's shared members.</summary>
internal sealed class LayoutPlan
{
    private readonly Dictionary<string, FieldPlan> _byName;

    public LayoutPlan(ReportSpec report, IReadOnlyList<FieldPlan> fields, IReadOnlyDictionary<string, string> typeNames)
    {
        Report = report;
        Fields = fields;
        TypeNames = typeNames;
        _byName = new Dictionary<string, FieldPlan>(System.StringComparer.Ordinal);
        foreach (FieldPlan field in fields)
        {
            if (!_byName.ContainsKey(field.Name))
            {
                _byName.Add(field.Name, field);
            }
        }

        Properties = fields.Where(f => ReferenceEquals(_byName[f.Name], f)).ToList();
        VersionField = report.VersionField is null ? null : _byName[report.VersionField];
    }

    public ReportSpec Report { get; }

    /// <summary>Every field occurrence in schema order (a variant once per occurrence).</summary>
    public IReadOnlyList<FieldPlan> Fields { get; }

    /// <summary>The first occurrence of each field name: one property each.</summary>
    public IReadOnlyList<FieldPlan> Properties { get; }

    /// <summary>The field the layout's version is read from; null when it has none or its parent gives it.</summary>
    public FieldPlan? VersionField { get; }

    /// <summary>The C# type of each layout of the schema, by layout name.</summary>
    public IReadOnlyDictionary<string, string> TypeNames { get; }

    /// <summary>
    /// Every field sits at a constant offset inside the fixed part and none is a nested layout: the parse is a handful
    /// of constant-offset checks, worth inlining.
    /// </summary>
    public bool IsSmall => Fields.All(static f => !f.HasOffsetSlot && !f.IsNested);

    /// <summary>Some field is read (or a nested view sliced) at a constant offset through the unchecked <c>At</c>.</summary>
    public bool NeedsAt => Fields.Any(static f => !f.HasOffsetSlot);

    /// <summary>Some field may be absent and is read behind <c>Present</c>.</summary>
    public bool NeedsPresent => Fields.Any(static f => f.HasPresenceSlot);

    /// <summary>Some always-present field lies at an offset the parse found, read (or sliced) through <c>Data</c>.</summary>
    public bool NeedsData => Fields.Any(static f => f.HasOffsetSlot && !f.HasPresenceSlot);

    /// <summary>The first occurrence of the field named <paramref name="name"/>.</summary>
    public FieldPlan Field(string name) => _byName[name];
}
