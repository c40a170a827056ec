using System.Collections.Generic;
using System.Threading;
using Tsm.Generators.Diagnostics;
using Tsm.Generators.Helpers;
using Tsm.Generators.Json;
using Tsm.Generators.Model;

namespace Tsm.Generators.Schema;

/// <summary>The file being read and the problems found so far; every report carries the exact JSON range.</summary>
internal sealed class SchemaContext
{
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _brokenRegisters = new(System.StringComparer.Ordinal);
    private readonly List<DeclaredType> _declaredTypes = new();
    private readonly List<AsTypeReference> _asTypes = new();

    public SchemaContext(string path, CancellationToken cancellationToken)
    {
        Path = path;
        CancellationToken = cancellationToken;
    }

    public string Path { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Count > 0;

    /// <summary>The vendor class name, once the <c>vendor</c> id has been read and found valid.</summary>
    public string? VendorClassName { get; set; }

    /// <summary>The top-level C# types the file generates, in the order they were read (the vendor class first).</summary>
    public IReadOnlyList<DeclaredType> DeclaredTypes => _declaredTypes;

    /// <summary>Records a top-level type the file generates and the token that names it, for the cross-file checks.</summary>
    public void DeclareType(string name, string source, TextRange at) => _declaredTypes.Add(new DeclaredType(name, source, at));

    /// <summary>The types the file's <c>as</c> values name, in the order they were read.</summary>
    public IReadOnlyList<AsTypeReference> AsTypes => _asTypes;

    /// <summary>Records a type an <c>as</c> names and its token, so the analyzer can check it against the compilation.</summary>
    public void ReferenceAsType(string name, IntegerWidth integer, TextRange at) => _asTypes.Add(new AsTypeReference(name, integer, at));

    public void Report(string id, TextRange range, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.At(id, Path, range, arguments));

    /// <summary>Reports a diagnostic that also carries <see cref="DiagnosticInfo.Properties"/> for a code fix.</summary>
    public void Report(string id, TextRange range, EquatableArray<(string Key, string Value)> properties, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.At(id, Path, range, arguments) with { Properties = properties });

    /// <summary>
    /// Records that the register entry <paramref name="name"/> had an error and was left out, so references to it
    /// (<c>name</c>, <c>nameN</c> of its array, <c>name:hash</c>) are not reported again as undefined registers.
    /// </summary>
    public void MarkBrokenRegister(string name) => _brokenRegisters.Add(name);

    /// <summary>Whether <paramref name="reference"/> names a register left out because of an error already reported.</summary>
    public bool IsBrokenRegister(string reference)
    {
        int colon = reference.IndexOf(':');
        string name = colon < 0 ? reference : reference.Substring(0, colon);
        string arrayName = name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return _brokenRegisters.Contains(name) || (arrayName.Length < name.Length && _brokenRegisters.Contains(arrayName));
    }

    /// <summary>Where to report "missing key": the object's opening brace, so the squiggle lands on the object that lacks it.</summary>
    public static TextRange Opening(JsonNode node) =>
        new(node.Range.Start, new TextPosition(node.Range.Start.Offset + 1, node.Range.Start.Line, node.Range.Start.Column + 1));
}
