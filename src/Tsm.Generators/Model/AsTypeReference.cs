using Tsm.Generators.Json;

namespace Tsm.Generators.Model;

/// <summary>
/// A report field's <c>as</c>: the C# type its integer is exposed as, which lives outside the schema (in a referenced
/// assembly or the consumer's own code), and the token naming it, so <see cref="Diagnostics.SchemaFileAnalyzer"/> can
/// report on that token when the compilation has no usable type of that name.
/// </summary>
/// <param name="Name">The fully qualified type name without <c>global::</c>, as <see cref="ReportFieldSpec.As"/> holds it.</param>
/// <param name="Integer">The field's integer, <see cref="IntegerWidth.U32"/> or <see cref="IntegerWidth.U64"/>: the type needs a constructor taking it.</param>
/// <param name="At">The <c>as</c> value.</param>
internal sealed record AsTypeReference(string Name, IntegerWidth Integer, TextRange At);
