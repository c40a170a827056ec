using Tsm.Generators.Model;

namespace Tsm.Generators.Plan;

/// <summary>
/// Everything the emitters print for one field occurrence, decided once by <see cref="LayoutPlanner"/>: which slots the
/// view keeps, what the parse does, and the C# shape of the property. A variant (a name repeated under disjoint
/// <c>when</c>s) has one plan per occurrence; they share the property, slots and shape.
/// </summary>
internal sealed record FieldPlan
{
    public required ReportFieldSpec Field { get; init; }

    /// <summary>The offset and length are instance slots (<c>_oP</c>, <c>_lP</c>) set by the parse, not constants.</summary>
    public required bool HasOffsetSlot { get; init; }

    /// <summary>Whether the field exists is an instance slot (<c>_hasP</c>).</summary>
    public required bool HasPresenceSlot { get; init; }

    /// <summary>
    /// A field only some inputs have is there in every input the layout's checks accept (variants of one field that
    /// cover every allowed value, like a TD quote's version 4 and 5 bodies): bytes that passed validation always have
    /// it, so the view of them does not test for it.
    /// </summary>
    public required bool PresentWhenValid { get; init; }

    /// <summary>A later field's <c>when</c> tests whether this one, which may be absent, is there.</summary>
    public required bool PresenceTestedByWhen { get; init; }

    /// <summary>A later field placed <c>after</c> this one, which may be absent, requires it to be there.</summary>
    public required bool PresenceTestedByAfter { get; init; }

    /// <summary>The parser reads the value itself (checks, conditions, sizes, versions refer to it).</summary>
    public required bool ValueNeeded { get; init; }

    /// <summary>
    /// The value decides where other fields are or whether they exist (a condition, a size, a version), so building
    /// a view of proven bytes reads it too; a value only checks refer to, or only the size of a field that takes its
    /// length from the end of the input (<see cref="LengthFromEnd"/>), is read by the validation alone.
    /// </summary>
    public required bool ValueShapesLayout { get; init; }

    /// <summary>
    /// A nested layout whose version the parse reads or that differs between variants: an instance slot
    /// (<c>_verP</c>) holds it. Otherwise the version the nested view gets is the constant <see cref="NestedVersionExpression"/>.
    /// </summary>
    public required bool HasVersionSlot { get; init; }

    /// <summary>The version a nested view is built with: its slot or a constant; null for a field that is not a layout.</summary>
    public required string? NestedVersionExpression { get; init; }

    public required ParseStep Step { get; init; }

    /// <summary>What the field does to the end of the report the parse keeps; <see cref="EndUpdate.Unchanged"/> unless the parse finds it.</summary>
    public required EndUpdate EndUpdate { get; init; }

    /// <summary>
    /// The last field of a layout without trailing bytes, sized by another field: validation proved it ends where the
    /// input ends, so the view of validated bytes takes its length from there and does not read the size.
    /// </summary>
    public required bool LengthFromEnd { get; init; }

    public required PropertyShape Shape { get; init; }

    /// <summary>The integer an integer or flags field holds; null for bytes and views.</summary>
    public required IntegerWidth? Integer { get; init; }

    /// <summary>
    /// The property's type: the integer's C# type or its <c>as</c> struct, the qualified flags type, the nested view,
    /// the value type, or the span type.
    /// </summary>
    public required string PropertyType { get; init; }

    /// <summary>The offset of the field in a parsed view: its slot or a constant.</summary>
    public required string OffsetExpression { get; init; }

    /// <summary>The length of the field in a parsed view: its slot or a constant.</summary>
    public required string LengthExpression { get; init; }

    public string Name => Field.Name;

    public string PropertyName => Field.PropertyName;

    /// <summary>Slots in the view, so not a <see cref="ParseStep.Static"/> field.</summary>
    public bool NeedsSlot => HasOffsetSlot || HasPresenceSlot;

    public bool IsNested => Shape == PropertyShape.Nested;
}
