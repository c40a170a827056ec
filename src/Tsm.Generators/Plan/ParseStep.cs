namespace Tsm.Generators.Plan;

/// <summary>What <c>TryCreate</c> does for a field.</summary>
internal enum ParseStep
{
    /// <summary>Always present at a constant place inside the fixed part: the size check covers it; only a value the parser needs is read.</summary>
    Static,

    /// <summary>At a constant place inside the fixed part, but only some versions or conditions have it: its presence is decided.</summary>
    PlacedConditional,

    /// <summary>Its offset or length is found while parsing (after another field, sized by one, a variant, past the fixed part): bounds-checked and recorded.</summary>
    Dynamic,
}
