namespace Tsm.Generators.Events;

/// <summary>The JSON name of a property that has no <c>[JsonPropertyName]</c>.</summary>
internal static class JsonNames
{
    /// <summary>
    /// camelCase by the rule of System.Text.Json's <c>JsonNamingPolicy.CamelCase</c>, so a type also serialised with
    /// it names its members the same (C# names hold no spaces, so that rule's case for them does not arise): the leading run of capitals is lowered, except the last one when a lower-case
    /// letter follows it (<c>URLValue</c> → <c>urlValue</c>, <c>ID</c> → <c>id</c>, <c>Image</c> → <c>image</c>).
    /// </summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        char[] chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            if (i > 0 && i + 1 < chars.Length && !char.IsUpper(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
