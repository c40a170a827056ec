namespace Tsm.Generators.Events;

/// <summary>How a measurement event member is written as RFC 8785 JSON.</summary>
internal enum EventValueKind
{
    /// <summary>A JSON string (<c>null</c> when the reference is null).</summary>
    String,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A signed integer of up to 64 bits, written through <c>long</c>.</summary>
    Signed,

    /// <summary>An unsigned integer of up to 64 bits, written through <c>ulong</c>.</summary>
    Unsigned,

    /// <summary>A record class, written as a JSON object of its members (<c>null</c> when the reference is null).</summary>
    Record,

    /// <summary>A record struct, written as a JSON object of its members.</summary>
    RecordStruct,
}
