namespace Tsm.Attestation.Tests.Reports;

/// <summary>Records the names <c>VisitFields</c> passes, nested ones as <c>outer.inner</c>.</summary>
internal sealed class FieldNameRecorder : IReportFieldVisitor
{
    private readonly Stack<string> _path = new();

    public List<string> Names { get; } = [];

    public void Integer(string name, ulong value) => Names.Add(Qualified(name));

    public void Bytes(string name, ReadOnlySpan<byte> value) => Names.Add(Qualified(name));

    public void BeginNested(string name, string typeName) => _path.Push(Qualified(name));

    public void EndNested() => _path.Pop();

    private string Qualified(string name) => _path.Count == 0 ? name : _path.Peek() + "." + name;
}
