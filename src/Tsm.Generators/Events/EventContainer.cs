namespace Tsm.Generators.Events;

/// <summary>A type that a measurement event is nested in, re-declared around the generated part.</summary>
/// <param name="Keyword">The declaration's keywords up to the name (<c>partial class</c>, <c>readonly partial struct</c>).</param>
/// <param name="Name">The name with its type parameters (<c>Outer</c>, <c>Outer&lt;T&gt;</c>).</param>
internal sealed record EventContainer(string Keyword, string Name);
