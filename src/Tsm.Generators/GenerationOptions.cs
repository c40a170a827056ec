using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tsm.Generators;

/// <summary>MSBuild settings the generator reads (<c>build_property.*</c>), reduced to plain values.</summary>
internal sealed record GenerationOptions(string Namespace, string Accessibility)
{
    public const string DefaultNamespace = "Tsm.Vendors";

    /// <summary>
    /// Internal unless a project asks for public: two libraries that both opt in to a vendor would otherwise both export
    /// <c>Tsm.Vendors.Tdx</c>, and an app referencing both could not name it (CS0433/CS0436).
    /// </summary>
    public const string DefaultAccessibility = "internal";

    public const string PublicAccessibility = "public";

    public static GenerationOptions From(AnalyzerConfigOptions options) => new(
        options.TryGetValue("build_property.TsmNamespace", out string? ns) && !string.IsNullOrWhiteSpace(ns) ? ns.Trim() : DefaultNamespace,
        ReadAccessibility(options));

    // Any other value fails the build first (TSM9002 in Tsm.Generators.targets); a host without those targets gets the
    // default, so a typo never exports types by accident. MSBuild compares case-insensitively, so "Public" is public.
    private static string ReadAccessibility(AnalyzerConfigOptions options) =>
        options.TryGetValue("build_property.TsmAccessibility", out string? value) &&
        string.Equals(value?.Trim(), PublicAccessibility, StringComparison.OrdinalIgnoreCase)
            ? PublicAccessibility
            : DefaultAccessibility;
}
