using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tsm.Generators;

/// <summary>Which additional files are vendor schemas: those the build marks with <c>TsmSchema="true"</c>.</summary>
internal static class SchemaFiles
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.TsmSchema";

    public static bool IsSchema(AdditionalText file, AnalyzerConfigOptionsProvider options) =>
        options.GetOptions(file).TryGetValue(MetadataKey, out string? value) &&
        string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
