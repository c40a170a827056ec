using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Tsm.Generators.Tests.Infrastructure;

/// <summary>
/// The <c>build_property</c>/<c>build_metadata</c> values MSBuild would pass: every additional file whose path is in
/// <paramref name="schemaPaths"/> carries <c>TsmSchema=true</c>, like an item added by <c>&lt;TsmVendor&gt;</c>.
/// </summary>
internal sealed class TestOptionsProvider(IReadOnlySet<string> schemaPaths, IReadOnlyDictionary<string, string> globals) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(globals);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => schemaPaths.Contains(textFile.Path)
        ? new DictionaryOptions(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.TsmSchema"] = "true" })
        : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
