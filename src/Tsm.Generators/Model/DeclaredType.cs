using Tsm.Generators.Json;

namespace Tsm.Generators.Model;

/// <summary>
/// A top-level C# type a schema generates (the vendor class, a report view, a claim set) and the JSON token that names
/// it: the <c>vendor</c> value, or a report's or claim set's <c>typeName</c> (else <c>name</c>). Cross-file collisions
/// are reported on that token.
/// </summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Source">What declares it, for messages: <c>vendor 'acme'</c>, <c>report 'tdreport'</c>, <c>claim set 'realm'</c>.</param>
/// <param name="At">The token naming it.</param>
internal sealed record DeclaredType(string Name, string Source, TextRange At);
