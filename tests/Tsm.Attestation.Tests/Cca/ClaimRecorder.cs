namespace Tsm.Attestation.Tests.Cca;

/// <summary>Records what <c>VisitFields</c> passes, as <c>path=value</c> lines (nested names joined with dots, bytes as hex).</summary>
internal sealed class ClaimRecorder : IReportFieldVisitor
{
    private readonly Stack<string> _path = new();

    public List<string> Lines { get; } = [];

    public void Integer(string name, ulong value) => Lines.Add($"{Qualified(name)}={value}");

    public void Bytes(string name, ReadOnlySpan<byte> value) => Lines.Add($"{Qualified(name)}={Convert.ToHexStringLower(value)}");

    public void Text(string name, string value) => Lines.Add($"{Qualified(name)}=\"{value}\"");

    public void BeginNested(string name, string typeName) => _path.Push(Qualified(name));

    public void EndNested() => _path.Pop();

    private string Qualified(string name) => _path.Count == 0 ? name : _path.Peek() + "." + name;
}
