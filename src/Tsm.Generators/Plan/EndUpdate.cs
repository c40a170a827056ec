namespace Tsm.Generators.Plan;

/// <summary>
/// What a field found by the parse does to the end of the report the parse keeps (the furthest byte any field
/// reaches), decided from the layout's shape so that the common chain of fields placed one after another costs an
/// addition each, not a comparison.
/// </summary>
internal enum EndUpdate
{
    /// <summary>The field ends inside the fixed part, which the end already covers.</summary>
    Unchanged,

    /// <summary>The field ends at or past everything before it (it follows them or passes the fixed part): the end becomes its end.</summary>
    Becomes,

    /// <summary>Nothing shows which lies further: the end becomes the larger of the two.</summary>
    AtLeast,
}
