using Tsm.Generators.Helpers;

namespace Tsm.Generators.Events;

/// <summary>One property of a measurement event (or of a record nested in one) and how it is written.</summary>
/// <param name="JsonName">The member's name in the JSON object: the camelCase property name, or its <c>[JsonPropertyName]</c>.</param>
/// <param name="PropertyName">The C# property, read in the generated code and named by its exceptions.</param>
/// <param name="Kind">The value's encoding; for a <paramref name="List"/>, each element's.</param>
/// <param name="Nullable">The value (each element of a list) is a <c>Nullable&lt;T&gt;</c>, written as <c>null</c> when it has no value.</param>
/// <param name="List">The property is an array or <c>IReadOnlyList&lt;T&gt;</c>, written as a JSON array (<c>null</c> when the reference is null).</param>
/// <param name="Members">For <see cref="EventValueKind.Record"/> and <see cref="EventValueKind.RecordStruct"/>, the nested record's members in RFC 8785 order.</param>
internal sealed record EventMember(
    string JsonName,
    string PropertyName,
    EventValueKind Kind,
    bool Nullable,
    bool List,
    EquatableArray<EventMember> Members);
