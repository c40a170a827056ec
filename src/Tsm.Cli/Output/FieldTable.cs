using System;
using System.Collections.Generic;

namespace Tsm.Cli.Output;

/// <summary>Collects visited fields as table rows: the dotted path of schema names (<c>body.rtmr0</c>) and the value as text.</summary>
internal sealed class FieldTable : IReportFieldVisitor
{
    private readonly List<string> _path = [];

    public List<(string Path, string Value)> Rows { get; } = [];

    public void Integer(string name, ulong value) => Rows.Add((PathOf(name), ValueText.Integer(value)));

    public void Bytes(string name, ReadOnlySpan<byte> value) => Rows.Add((PathOf(name), ValueText.Bytes(value)));

    public void Text(string name, string value) => Rows.Add((PathOf(name), ValueText.Quoted(value)));

    public void BeginNested(string name, string typeName) => _path.Add(name);

    public void EndNested() => _path.RemoveAt(_path.Count - 1);

    private string PathOf(string name) => _path.Count == 0 ? name : string.Join('.', _path) + "." + name;
}
