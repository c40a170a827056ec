namespace Tsm.Generators.Model;

/// <summary>The bytes <c>[Offset, Offset + Size)</c> of the layout a digest field is the hash of (<c>hashOf</c>).</summary>
internal sealed record HashOfSpec(int Offset, int Size);
