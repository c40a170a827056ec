namespace Tsm.Generators.Model;

/// <summary>A named bit (<see cref="Width"/> 1) or multi-bit subfield of a <c>flags</c> report field.</summary>
internal sealed record BitSpec(string Name, int Bit, int Width);
