using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Tsm.Generators.Json;

/// <summary>Reads one string token: checks it against RFC 8259 and resolves its escapes.</summary>
internal static class JsonStringScanner
{
    /// <param name="openingQuote">Offset of the token's opening quote.</param>
    /// <param name="end">Offset just after the closing quote.</param>
    public static bool TryRead(
        string text,
        int openingQuote,
        bool isPropertyName,
        TextLocator locator,
        out string value,
        out int end,
        [NotNullWhen(false)] out JsonError? error)
    {
        value = string.Empty;
        end = openingQuote;
        StringBuilder? builder = null;
        int runStart = openingQuote + 1;
        int index = runStart;
        while (true)
        {
            if (index >= text.Length)
            {
                TextPosition start = locator.Locate(openingQuote);
                error = new JsonError(
                    "Expected '\"' to close the string that starts at line " + Format(start.Line) + ", column "
                    + Format(start.Column) + ", found end of input",
                    locator.Locate(index));
                return false;
            }

            char c = text[index];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(text, runStart, index - runStart);
                error = ReadEscape(text, ref index, builder, isPropertyName, locator);
                if (error is not null)
                {
                    return false;
                }

                runStart = index;
            }
            else if (c < ' ')
            {
                error = new JsonError(
                    "Control characters must be escaped in strings, found " + JsonTextDescriber.Describe(text, index),
                    locator.Locate(index));
                return false;
            }
            else if (char.IsSurrogate(c))
            {
                // Only reachable from Parse(string): decoded UTF-8 cannot contain an unpaired surrogate.
                if (!char.IsHighSurrogate(c) || index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]))
                {
                    error = new JsonError(
                        "Expected a complete UTF-16 surrogate pair, found unpaired surrogate " + JsonTextDescriber.Describe(text, index),
                        locator.Locate(index));
                    return false;
                }

                index += 2;
            }
            else
            {
                index++;
            }
        }

        value = builder is null
            ? text.Substring(runStart, index - runStart)
            : builder.Append(text, runStart, index - runStart).ToString();
        end = index + 1;
        error = null;
        return true;
    }

    /// <summary>Resolves the escape whose backslash is at <paramref name="index"/> and moves past it.</summary>
    /// <returns>Null on success, otherwise the error.</returns>
    private static JsonError? ReadEscape(string text, ref int index, StringBuilder builder, bool isPropertyName, TextLocator locator)
    {
        int escapeStart = index;
        // NUL stands in for end of input: it is not a valid escape character either.
        char escape = index + 1 < text.Length ? text[index + 1] : '\0';
        if (SimpleEscape(escape) is { } resolved)
        {
            builder.Append(resolved);
            index += 2;
            return null;
        }

        if (escape != 'u')
        {
            return new JsonError(
                "Expected one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u' after '\\', found "
                + JsonTextDescriber.Describe(text, index + 1),
                locator.Locate(index + 1));
        }

        int badDigit = ReadHex4(text, index + 2, out char unit);
        if (badDigit >= 0)
        {
            return new JsonError(
                "Expected 4 hex digits after '\\u', found " + JsonTextDescriber.Describe(text, badDigit),
                locator.Locate(badDigit));
        }

        index += 6;
        if (char.IsHighSurrogate(unit) && IsUnicodeEscapeAt(text, index)
            && ReadHex4(text, index + 2, out char low) < 0 && char.IsLowSurrogate(low))
        {
            builder.Append(unit).Append(low);
            index += 6;
            return null;
        }

        // A lone surrogate escape is valid JSON and JsonDocument accepts it in values. In property names it rejects it
        // once names are compared for duplicates, and names must become valid UTF-16 keys, so reject it there too.
        if (isPropertyName && char.IsSurrogate(unit))
        {
            return new JsonError(
                "Expected a surrogate pair in property name, found unpaired '" + text.Substring(escapeStart, 6) + "'",
                locator.Locate(escapeStart));
        }

        builder.Append(unit);
        return null;
    }

    private static char? SimpleEscape(char escape) => escape switch
    {
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'b' => '\b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => null,
    };

    private static bool IsUnicodeEscapeAt(string text, int index) =>
        index + 1 < text.Length && text[index] == '\\' && text[index + 1] == 'u';

    /// <returns>-1 on success, otherwise the offset of the first character that is not a hex digit.</returns>
    private static int ReadHex4(string text, int index, out char value)
    {
        int result = 0;
        value = '\0';
        for (int i = index; i < index + 4; i++)
        {
            int digit = i < text.Length ? HexValue(text[i]) : -1;
            if (digit < 0)
            {
                return i;
            }

            result = (result << 4) | digit;
        }

        value = (char)result;
        return -1;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
