using System.Collections.Generic;

namespace Tsm.Generators.Schema;

/// <summary>Per-index details of a register array (<c>elements</c>): they override the array entry's own.</summary>
internal sealed class ElementDetails
{
    public string? Description { get; set; }

    public int? CcMrIndex { get; set; }

    public List<int>? Pcrs { get; set; }

    public string? Initial { get; set; }
}
