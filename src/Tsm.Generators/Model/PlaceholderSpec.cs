using Tsm.Generators.Diagnostics;

namespace Tsm.Generators.Model;

/// <summary>
/// A schema file with errors whose vendor class name is known: the generator emits an empty class of that name and
/// one TSM0013 that names the file's first error, so a build shows the schema problem first instead of a
/// "type or namespace not found" at every use (analyzers, and with them the per-token schema errors, do not run when
/// the compilation has errors).
/// </summary>
internal sealed record PlaceholderSpec(string Path, string ClassName, int ErrorCount, DiagnosticInfo FirstError);
