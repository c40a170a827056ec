namespace Tsm.Generators.Model;

/// <summary>
/// The type of a report field, parsed once from the schema's <c>type</c> (<see cref="FieldTypes"/>). Every switch on it
/// is exhaustive without a discard arm, so adding a member makes the compiler list each emitter that must handle it.
/// </summary>
internal enum FieldType
{
    /// <summary><c>u8</c>: one byte.</summary>
    U8,

    /// <summary><c>u16</c>: little-endian.</summary>
    U16,

    /// <summary><c>u32</c>: little-endian.</summary>
    U32,

    /// <summary><c>u64</c>: little-endian.</summary>
    U64,

    /// <summary><c>bytes</c>: raw bytes, fixed or sized by another field.</summary>
    Bytes,

    /// <summary><c>digest</c>: a digest of the field's <c>hash</c>.</summary>
    Digest,

    /// <summary><c>opaque</c>: a fixed-size value with no hash (an ID, a key).</summary>
    Opaque,

    /// <summary><c>flags</c>: a 1, 2, 4 or 8-byte little-endian integer with named bits.</summary>
    Flags,

    /// <summary><c>layout</c>: another layout of the schema, viewed in place.</summary>
    Layout,
}
