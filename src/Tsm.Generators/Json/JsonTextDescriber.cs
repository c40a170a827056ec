using System.Globalization;

namespace Tsm.Generators.Json;

/// <summary>Names the character an error found, for the "found ..." half of a message.</summary>
internal static class JsonTextDescriber
{
    /// <summary>Like <see cref="Describe"/>, adding a hint where the character shows a common non-JSON habit.</summary>
    public static string DescribeFound(string text, int index)
    {
        string description = Describe(text, index);
        return index >= text.Length ? description : text[index] switch
        {
            '/' => description + " (comments are not allowed)",
            '\'' => description + " (strings must use double quotes)",
            _ => description,
        };
    }

    /// <summary>
    /// Printable ASCII is quoted (the apostrophe in double quotes); anything else is named by code point so invisible
    /// characters show.
    /// </summary>
    public static string Describe(string text, int index)
    {
        if (index >= text.Length)
        {
            return "end of input";
        }

        char c = text[index];
        if (c == '\'')
        {
            return "\"'\"";
        }

        if (c is >= ' ' and <= '~')
        {
            return "'" + c + "'";
        }

        int codePoint = char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(c, text[index + 1])
            : c;
        return "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
    }
}
