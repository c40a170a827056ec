namespace Tsm.Generators.Model;

/// <summary>The schema names of <see cref="ClaimType"/>.</summary>
internal static class ClaimTypes
{
    /// <summary>Every schema name, in the order the schema documentation lists them (and errors repeat them).</summary>
    public static readonly string[] Names = { "bytes", "text", "integer", "bytes-array", "claim-set-array" };

    public static string Name(this ClaimType type) => type switch
    {
        ClaimType.Bytes => "bytes",
        ClaimType.Text => "text",
        ClaimType.Integer => "integer",
        ClaimType.BytesArray => "bytes-array",
        ClaimType.ClaimSetArray => "claim-set-array",
    };

    /// <summary>The type named <paramref name="name"/>; the reader has already checked it is one of <see cref="Names"/>.</summary>
    public static ClaimType Parse(string name)
    {
        foreach (ClaimType type in (ClaimType[])System.Enum.GetValues(typeof(ClaimType)))
        {
            if (type.Name() == name)
            {
                return type;
            }
        }

        throw new System.ArgumentException("not a claim type: " + name, nameof(name));
    }
}
