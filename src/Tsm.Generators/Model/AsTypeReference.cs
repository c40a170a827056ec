using Tsm.Generators.Json;

namespace Tsm.Generators.Model;

/// <summary>
/// A report field's <c>as</c>: the C# type its integer is exposed as, which lives outside the schema (in a referenced
/// assembly or the consumer's own code), and the token naming it, so <see cref="Diagnostics.SchemaFileAnalyzer"/> can
/// report on that token when the compilation has no usable type of that name.
/// </summary>
/// <param name="Name">The fully qualified type name without <c>global::</c>, as <see cref="ReportFieldSpec.As"/> holds it.</param>
/// <param name="IntegerType">The field's type, <c>u32</c> or <c>u64</c>: the type needs a constructor taking that integer.</param>
/// <param name="At">The <c>as</c> value.</param>
internal sealed record AsTypeReference(string Name, string IntegerType, TextRange At);
