namespace Tsm.Generators.Model;

/// <summary>A TPM-style bank: the registers of one hash, emitted as a nested class reached through a property.</summary>
internal sealed record BankSpec(string Hash, string PropertyName, string ClassName);
