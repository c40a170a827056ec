using Microsoft.CodeAnalysis.Diagnostics;

namespace Tsm.Generators;

/// <summary>MSBuild settings the generator reads (<c>build_property.*</c>), reduced to plain values.</summary>
internal sealed record GenerationOptions(string Namespace)
{
    public const string DefaultNamespace = "Tsm.Vendors";

    public static GenerationOptions From(AnalyzerConfigOptions options) =>
        new(options.TryGetValue("build_property.TsmNamespace", out string? ns) && !string.IsNullOrWhiteSpace(ns) ? ns.Trim() : DefaultNamespace);
}
