namespace Tsm.Generators.Model;

/// <summary>Where a report field starts: at a constant <see cref="Offset"/>, or right after the earlier field <see cref="After"/>.</summary>
internal sealed record FieldPlacement
{
    private FieldPlacement(int? offset, string? after)
    {
        Offset = offset;
        After = after;
    }

    /// <summary>The constant offset, or null when the field follows <see cref="After"/>.</summary>
    public int? Offset { get; }

    /// <summary>The field this one follows, or null when it has a constant <see cref="Offset"/>.</summary>
    public string? After { get; }

    public static FieldPlacement At(int offset) => new(offset, null);

    public static FieldPlacement Following(string field) => new(null, field);
}
