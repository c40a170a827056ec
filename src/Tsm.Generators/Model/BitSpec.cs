namespace Tsm.Generators.Model;

/// <summary>A named bit of a <c>flags</c> report field.</summary>
internal sealed record BitSpec(string Name, int Bit);
