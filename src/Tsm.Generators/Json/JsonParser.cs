using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;

namespace Tsm.Generators.Json;

/// <summary>
/// Recursive descent over one document. Recursion is bounded by <see cref="JsonReader.MaxDepth"/>, so deep input
/// cannot overflow the stack. Each parse method returns null after recording the first error, which stops the parse.
/// </summary>
internal sealed class JsonParser
{
    private const string TrailingCommaHint = " (trailing commas are not allowed)";

    private readonly string _text;
    private readonly TextLocator _locator;
    private readonly CancellationToken _cancellationToken;
    private int _position;
    private int _depth;
    private JsonError? _error;

    private JsonParser(string text, CancellationToken cancellationToken)
    {
        _text = text;
        _locator = new TextLocator(text);
        _cancellationToken = cancellationToken;
    }

    public static JsonParseResult Parse(string text, CancellationToken cancellationToken)
    {
        var parser = new JsonParser(text, cancellationToken);
        JsonNode? root = parser.ParseDocument();
        return root is null ? JsonParseResult.Failed(parser._error!) : JsonParseResult.Parsed(root);
    }

    private JsonNode? ParseDocument()
    {
        if (IsAt(0, JsonReader.ByteOrderMark))
        {
            _position = 1;
        }

        SkipWhitespace();
        JsonNode? root = ParseValue("a JSON value");
        if (root is null)
        {
            return null;
        }

        SkipWhitespace();
        return _position < _text.Length
            ? Fail("Expected end of input after the JSON value, found " + DescribeFound(_position), _position)
            : root;
    }

    private JsonNode? ParseValue(string expected)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_position >= _text.Length)
        {
            return Fail("Expected " + expected + ", found end of input", _position);
        }

        char c = _text[_position];
        return c switch
        {
            '{' => ParseObject(),
            '[' => ParseArray(),
            '"' => ParseString(),
            't' => ParseLiteral("true", JsonKind.True),
            'f' => ParseLiteral("false", JsonKind.False),
            'n' => ParseLiteral("null", JsonKind.Null),
            '-' or (>= '0' and <= '9') => ParseNumber(),
            _ => Fail("Expected " + expected + ", found " + DescribeFound(_position), _position),
        };
    }

    private JsonNode? ParseObject()
    {
        TextPosition start = _locator.Locate(_position);
        if (!TryEnterContainer())
        {
            return null;
        }

        var properties = new List<JsonProperty>();
        var byName = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        SkipWhitespace();
        if (IsAt(_position, '}'))
        {
            return ExitContainer(new JsonObject(EndRange(start), properties, byName));
        }

        while (true)
        {
            if (!IsAt(_position, '"'))
            {
                return properties.Count == 0
                    ? Fail("Expected a property name in double quotes or '}', found " + DescribeFound(_position), _position)
                    : Fail(
                        "Expected a property name in double quotes after ',', found " + DescribeFound(_position)
                        + (IsAt(_position, '}') ? TrailingCommaHint : string.Empty),
                        _position);
            }

            string? name = ReadString(isPropertyName: true, out TextRange nameRange);
            if (name is null)
            {
                return null;
            }

            if (byName.TryGetValue(name, out JsonProperty? first))
            {
                string message = "Duplicate property name '" + name + "'; it is already defined at line "
                    + Format(first.NameRange.Start.Line) + ", column " + Format(first.NameRange.Start.Column);
                return Fail(message, nameRange.Start);
            }

            SkipWhitespace();
            if (!IsAt(_position, ':'))
            {
                return Fail("Expected ':' after property name, found " + DescribeFound(_position), _position);
            }

            _position++;
            SkipWhitespace();
            JsonNode? value = ParseValue("a property value after ':'");
            if (value is null)
            {
                return null;
            }

            var property = new JsonProperty(name, nameRange, value);
            properties.Add(property);
            byName.Add(name, property);

            SkipWhitespace();
            if (IsAt(_position, '}'))
            {
                return ExitContainer(new JsonObject(EndRange(start), properties, byName));
            }

            if (!IsAt(_position, ','))
            {
                return Fail("Expected ',' or '}' after property value, found " + DescribeFound(_position), _position);
            }

            _position++;
            SkipWhitespace();
        }
    }

    private JsonNode? ParseArray()
    {
        TextPosition start = _locator.Locate(_position);
        if (!TryEnterContainer())
        {
            return null;
        }

        var items = new List<JsonNode>();
        SkipWhitespace();
        if (IsAt(_position, ']'))
        {
            return ExitContainer(new JsonArray(EndRange(start), items));
        }

        while (true)
        {
            if (items.Count > 0 && IsAt(_position, ']'))
            {
                return Fail("Expected a JSON value after ',', found ']'" + TrailingCommaHint, _position);
            }

            JsonNode? item = ParseValue(items.Count == 0 ? "a JSON value or ']'" : "a JSON value after ','");
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            SkipWhitespace();
            if (IsAt(_position, ']'))
            {
                return ExitContainer(new JsonArray(EndRange(start), items));
            }

            if (!IsAt(_position, ','))
            {
                return Fail("Expected ',' or ']' after array item, found " + DescribeFound(_position), _position);
            }

            _position++;
            SkipWhitespace();
        }
    }

    /// <summary>Checks the depth limit, then consumes the opening bracket.</summary>
    private bool TryEnterContainer()
    {
        if (_depth == JsonReader.MaxDepth)
        {
            Fail(
                "Expected at most " + Format(JsonReader.MaxDepth) + " levels of nesting, found " + DescribeFound(_position)
                + " at level " + Format(_depth + 1),
                _position);
            return false;
        }

        _depth++;
        _position++;
        return true;
    }

    /// <summary>Consumes the closing bracket.</summary>
    private JsonNode ExitContainer(JsonNode container)
    {
        _depth--;
        return container;
    }

    private JsonNode? ParseString()
    {
        string? value = ReadString(isPropertyName: false, out TextRange range);
        return value is null ? null : new JsonString(range, value);
    }

    /// <summary>Reads the string token at the current position and resolves its escapes.</summary>
    private string? ReadString(bool isPropertyName, out TextRange range)
    {
        TextPosition start = _locator.Locate(_position);
        range = default;
        StringBuilder? builder = null;
        int runStart = _position + 1;
        int index = runStart;
        while (true)
        {
            if (index >= _text.Length)
            {
                Fail(
                    "Expected '\"' to close the string that starts at line " + Format(start.Line) + ", column "
                    + Format(start.Column) + ", found end of input",
                    index);
                return null;
            }

            char c = _text[index];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(_text, runStart, index - runStart);
                if (!TryReadEscape(ref index, builder, isPropertyName))
                {
                    return null;
                }

                runStart = index;
            }
            else if (c < ' ')
            {
                Fail("Control characters must be escaped in strings, found " + Describe(index), index);
                return null;
            }
            else if (char.IsSurrogate(c))
            {
                // Only reachable from Parse(string): decoded UTF-8 cannot contain an unpaired surrogate.
                if (!char.IsHighSurrogate(c) || !IsLowSurrogateAt(index + 1))
                {
                    Fail("Expected a complete UTF-16 surrogate pair, found unpaired surrogate " + Describe(index), index);
                    return null;
                }

                index += 2;
            }
            else
            {
                index++;
            }
        }

        string value = builder is null
            ? _text.Substring(runStart, index - runStart)
            : builder.Append(_text, runStart, index - runStart).ToString();
        _position = index + 1;
        range = EndRange(start);
        return value;
    }

    /// <summary>Resolves the escape whose backslash is at <paramref name="index"/> and moves past it.</summary>
    private bool TryReadEscape(ref int index, StringBuilder builder, bool isPropertyName)
    {
        int escapeStart = index;
        char? simple = IsAt(index + 1, 'u') ? null : SimpleEscape(index + 1);
        if (simple is { } resolved)
        {
            builder.Append(resolved);
            index += 2;
            return true;
        }

        if (!IsAt(index + 1, 'u'))
        {
            Fail(
                "Expected one of '\"', '\\', '/', 'b', 'f', 'n', 'r', 't' or 'u' after '\\', found " + Describe(index + 1),
                index + 1);
            return false;
        }

        int badDigit = ReadHex4(index + 2, out char unit);
        if (badDigit >= 0)
        {
            Fail("Expected 4 hex digits after '\\u', found " + Describe(badDigit), badDigit);
            return false;
        }

        index += 6;
        if (char.IsHighSurrogate(unit) && IsAt(index, '\\') && IsAt(index + 1, 'u')
            && ReadHex4(index + 2, out char low) < 0 && char.IsLowSurrogate(low))
        {
            builder.Append(unit).Append(low);
            index += 6;
            return true;
        }

        // A lone surrogate escape is valid JSON and JsonDocument accepts it in values. In property names it rejects it
        // once names are compared for duplicates, and names must become valid UTF-16 keys, so reject it there too.
        if (isPropertyName && char.IsSurrogate(unit))
        {
            Fail(
                "Expected a surrogate pair in property name, found unpaired '" + _text.Substring(escapeStart, 6) + "'",
                escapeStart);
            return false;
        }

        builder.Append(unit);
        return true;
    }

    private char? SimpleEscape(int index) => index < _text.Length
        ? _text[index] switch
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
        }
        : null;

    /// <returns>-1 on success, otherwise the offset of the first character that is not a hex digit.</returns>
    private int ReadHex4(int index, out char value)
    {
        int result = 0;
        value = '\0';
        for (int i = index; i < index + 4; i++)
        {
            int digit = i < _text.Length ? HexValue(_text[i]) : -1;
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

    private JsonNode? ParseNumber()
    {
        int startOffset = _position;
        TextPosition start = _locator.Locate(startOffset);
        int index = startOffset;
        if (IsAt(index, '-'))
        {
            index++;
        }

        if (!IsDigitAt(index))
        {
            return Fail("Expected a digit after '-', found " + DescribeFound(index), index);
        }

        if (IsAt(index, '0'))
        {
            index++;
            if (IsDigitAt(index))
            {
                return Fail("Leading zeros are not allowed in numbers, found " + Describe(index) + " after '0'", index);
            }
        }
        else
        {
            index = SkipDigits(index);
        }

        bool isInteger = true;
        if (IsAt(index, '.'))
        {
            isInteger = false;
            index++;
            if (!IsDigitAt(index))
            {
                return Fail("Expected a digit after the decimal point, found " + DescribeFound(index), index);
            }

            index = SkipDigits(index);
        }

        if (IsAt(index, 'e') || IsAt(index, 'E'))
        {
            isInteger = false;
            index++;
            if (IsAt(index, '+') || IsAt(index, '-'))
            {
                index++;
            }

            if (!IsDigitAt(index))
            {
                return Fail("Expected a digit in the exponent, found " + DescribeFound(index), index);
            }

            index = SkipDigits(index);
        }

        _position = index;
        return new JsonNumber(EndRange(start), _text.Substring(startOffset, index - startOffset), isInteger);
    }

    private int SkipDigits(int index)
    {
        while (IsDigitAt(index))
        {
            index++;
        }

        return index;
    }

    private JsonNode? ParseLiteral(string literal, JsonKind kind)
    {
        TextPosition start = _locator.Locate(_position);
        for (int i = 0; i < literal.Length; i++)
        {
            if (!IsAt(_position + i, literal[i]))
            {
                return Fail("Expected '" + literal + "', found " + DescribeFound(_position + i), _position + i);
            }
        }

        _position += literal.Length;
        return new JsonLiteral(kind, EndRange(start));
    }

    /// <summary>Skips the four characters RFC 8259 allows between tokens; nothing else counts as whitespace.</summary>
    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n')
        {
            _position++;
        }
    }

    private TextRange EndRange(TextPosition start) => new(start, _locator.Locate(_position));

    private bool IsAt(int index, char c) => index < _text.Length && _text[index] == c;

    private bool IsDigitAt(int index) => index < _text.Length && _text[index] is >= '0' and <= '9';

    private bool IsLowSurrogateAt(int index) => index < _text.Length && char.IsLowSurrogate(_text[index]);

    private JsonNode? Fail(string message, int offset) => Fail(message, _locator.Locate(offset));

    private JsonNode? Fail(string message, TextPosition position)
    {
        _error = new JsonError(message, position);
        return null;
    }

    /// <summary>Describes the character at <paramref name="index"/>, adding a hint where it shows a common non-JSON habit.</summary>
    private string DescribeFound(int index)
    {
        string description = Describe(index);
        return index >= _text.Length ? description : _text[index] switch
        {
            '/' => description + " (comments are not allowed)",
            '\'' => description + " (strings must use double quotes)",
            _ => description,
        };
    }

    /// <summary>Printable ASCII is quoted; anything else is named by code point so invisible characters show.</summary>
    private string Describe(int index)
    {
        if (index >= _text.Length)
        {
            return "end of input";
        }

        char c = _text[index];
        if (c is >= ' ' and <= '~')
        {
            return "'" + c + "'";
        }

        int codePoint = char.IsHighSurrogate(c) && IsLowSurrogateAt(index + 1)
            ? char.ConvertToUtf32(c, _text[index + 1])
            : c;
        return "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
