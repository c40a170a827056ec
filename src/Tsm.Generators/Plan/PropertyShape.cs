namespace Tsm.Generators.Plan;

/// <summary>What a field's property returns.</summary>
internal enum PropertyShape
{
    /// <summary>The little-endian integer, or the runtime struct its <c>as</c> names.</summary>
    Integer,

    /// <summary>The vendor's flags struct over the integer.</summary>
    Flags,

    /// <summary>The nested layout's view, validated by the parse.</summary>
    Nested,

    /// <summary>A fixed-size value type (digest, opaque value, register value) over the bytes.</summary>
    Value,

    /// <summary>The bytes themselves, as a span.</summary>
    Bytes,
}
