using System.Collections.Generic;
using Tsm.Generators.Json;

namespace Tsm.Generators.Schema;

/// <summary>One object of the schema's <c>registers</c> array as read, before arrays and banks are expanded.</summary>
internal sealed class RegisterEntry
{
    public RegisterEntry(string name, TextRange nameRange, TextRange range)
    {
        Name = name;
        NameRange = nameRange;
        Range = range;
    }

    public string Name { get; }

    public TextRange NameRange { get; }

    public TextRange Range { get; }

    public string? Description { get; set; }

    /// <summary>The C# property name the schema gives (for an array, its prefix: <c>Rtmr</c> → <c>Rtmr0</c>), or null for the PascalCase name.</summary>
    public string? PropertyName { get; set; }

    /// <summary>A kernel hash name or <c>none</c>; null when the entry uses hash choices or banks (or is an alias that inherits).</summary>
    public string? Hash { get; set; }

    public List<string> HashChoices { get; } = new();

    public List<string> Banks { get; } = new();

    public int? Size { get; set; }

    public TextRange SizeRange { get; set; }

    public int Flags { get; set; }

    public int? ExtendInputSize { get; set; }

    public TextRange ExtendRange { get; set; }

    public int? Count { get; set; }

    public Dictionary<int, ElementDetails> Elements { get; } = new();

    public string? AliasOf { get; set; }

    public TextRange AliasOfRange { get; set; }

    public int CcMrIndex { get; set; } = -1;

    public List<int> Pcrs { get; } = new();

    public string Initial { get; set; } = "zeros";

    public string? RefreshHash { get; set; }

    public List<(string Name, TextRange Range)> RefreshSources { get; } = new();
}
