namespace Tsm.Generators.Schema;

/// <summary>What a report field linked to a register must agree with: the register's value type and size.</summary>
internal sealed record RegisterLink(string Name, string? ValueType, int Size);
