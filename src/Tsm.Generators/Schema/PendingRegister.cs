using System.Collections.Generic;
using Tsm.Generators.Json;

namespace Tsm.Generators.Schema;

/// <summary>A register during expansion: mutable until aliases are resolved and names are assigned.</summary>
internal sealed class PendingRegister
{
    public PendingRegister(RegisterEntry entry, string name, string? bank, int index)
    {
        Entry = entry;
        Name = name;
        Bank = bank;
        Index = index;
    }

    public RegisterEntry Entry { get; }

    public string Name { get; }

    public string? Bank { get; }

    public int Index { get; }

    public string Hash { get; set; } = string.Empty;

    public List<string> HashChoices { get; set; } = new();

    public int Size { get; set; }

    public string QualifiedName { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string PropertyName { get; set; } = string.Empty;

    public string? RegisterType { get; set; }

    /// <summary>The storage owner's name once an <c>aliasOf</c> reference (name or <c>name:hash</c>) is resolved.</summary>
    public string? AliasTarget { get; set; }

    public TextRange Range => Entry.NameRange;
}
