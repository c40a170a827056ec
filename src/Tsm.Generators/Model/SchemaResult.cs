using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;

namespace Tsm.Generators.Model;

/// <summary>The outcome of reading one schema file: a spec when it is usable, and every problem found.</summary>
internal sealed record SchemaResult(string Path, VendorSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
