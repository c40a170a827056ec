using Tsm.Generators.Helpers;

namespace Tsm.Generators.Events;

/// <summary>
/// A type marked <c>[MeasurementEvent]</c>, reduced to plain values: where it is declared, its domain and operation,
/// and its members sorted as RFC 8785 §3.2.3 sorts them, by UTF-16 code units.
/// </summary>
/// <param name="HintName">The generated file's name: namespace, containing types and metadata name, then <c>-Event.g.cs</c>.</param>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="Containers">The containing types, outermost first.</param>
/// <param name="Keyword">The declaration's keywords up to the name (<c>partial record</c>, <c>readonly partial record struct</c>).</param>
/// <param name="Name">The name with its type parameters.</param>
/// <param name="Domain">The attribute's domain.</param>
/// <param name="Operation">The attribute's operation.</param>
/// <param name="Members">The measured members in RFC 8785 order.</param>
/// <param name="ExplicitContent">The type or a base type has its own member named <c>Content</c>, so the generated one implements the interface explicitly.</param>
internal sealed record EventSpec(
    string HintName,
    string Namespace,
    EquatableArray<EventContainer> Containers,
    string Keyword,
    string Name,
    string Domain,
    string Operation,
    EquatableArray<EventMember> Members,
    bool ExplicitContent);
