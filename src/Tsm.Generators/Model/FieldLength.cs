namespace Tsm.Generators.Model;

/// <summary>How long a report field is: a constant <see cref="Size"/>, or the value of the earlier integer field <see cref="From"/>.</summary>
internal sealed record FieldLength
{
    private FieldLength(int? size, string? from)
    {
        Size = size;
        From = from;
    }

    /// <summary>The constant size in bytes, or null when <see cref="From"/> gives it.</summary>
    public int? Size { get; }

    /// <summary>The field whose value is the size (<c>sizeFrom</c>), or null for a constant <see cref="Size"/>.</summary>
    public string? From { get; }

    public static FieldLength Fixed(int size) => new(size, null);

    public static FieldLength FromField(string field) => new(null, field);
}
