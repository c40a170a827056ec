using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>
/// The outcome of reading one schema file: a spec when it is usable, and every problem found. A file with problems
/// still names its vendor class when its <c>vendor</c> id was readable (<see cref="ClassName"/>), so the generator can
/// emit a placeholder class and the build's first error is the schema's, not a wall of "type not found".
/// </summary>
internal sealed record SchemaResult(string Path, VendorSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The vendor class the file would generate, or null when the vendor id itself is unusable.</summary>
    public string? ClassName { get; init; }

    /// <summary>
    /// The top-level C# types a valid file generates and the tokens naming them (empty for a broken file), so
    /// <see cref="Diagnostics.SchemaFileAnalyzer"/> can report a collision with another file on the right token.
    /// </summary>
    public EquatableArray<DeclaredType> Types { get; init; } = EquatableArray<DeclaredType>.Empty;

    /// <summary>
    /// The types a valid file's <c>as</c> values name and their tokens (empty for a broken file): whether they exist
    /// depends on the compilation, so <see cref="Diagnostics.SchemaFileAnalyzer"/> checks them there.
    /// </summary>
    public EquatableArray<AsTypeReference> AsTypes { get; init; } = EquatableArray<AsTypeReference>.Empty;
}
