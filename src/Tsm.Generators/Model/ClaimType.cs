namespace Tsm.Generators.Model;

/// <summary>The CBOR type of a claim, parsed once from the schema's <c>type</c> (<see cref="ClaimTypes"/>).</summary>
internal enum ClaimType
{
    /// <summary><c>bytes</c>: a byte string.</summary>
    Bytes,

    /// <summary><c>text</c>: a text string.</summary>
    Text,

    /// <summary><c>integer</c>: an unsigned integer.</summary>
    Integer,

    /// <summary><c>bytes-array</c>: an array of byte strings.</summary>
    BytesArray,

    /// <summary><c>claim-set-array</c>: an array of maps of another claim set.</summary>
    ClaimSetArray,
}
