using System.Collections.Generic;
using System.Threading;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;

namespace Tsm.Generators.Schema;

/// <summary>The file being read and the problems found so far; every report carries the exact JSON range.</summary>
internal sealed class SchemaContext
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public SchemaContext(string path, CancellationToken cancellationToken)
    {
        Path = path;
        CancellationToken = cancellationToken;
    }

    public string Path { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Count > 0;

    public void Report(string id, TextRange range, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.At(id, Path, range, arguments));

    /// <summary>Reports a diagnostic that also carries <see cref="DiagnosticInfo.Properties"/> for a code fix.</summary>
    public void Report(string id, TextRange range, EquatableArray<(string Key, string Value)> properties, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.At(id, Path, range, arguments) with { Properties = properties });

    /// <summary>Where to report "missing key": the object's opening brace, so the squiggle lands on the object that lacks it.</summary>
    public static TextRange Opening(JsonNode node) =>
        new(node.Range.Start, new TextPosition(node.Range.Start.Offset + 1, node.Range.Start.Line, node.Range.Start.Column + 1));
}
