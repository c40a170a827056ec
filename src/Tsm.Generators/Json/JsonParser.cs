using System;
using System.Collections.Generic;
using System.Globalization;
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
        return parser._error is { } error ? JsonParseResult.Failed(error) : JsonParseResult.Parsed(root!);
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
            return new JsonObject(CloseContainer(start), properties, byName);
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
                return new JsonObject(CloseContainer(start), properties, byName);
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
            return new JsonArray(CloseContainer(start), items);
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
                return new JsonArray(CloseContainer(start), items);
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

    /// <summary>Consumes the closing bracket and returns the container's range.</summary>
    private TextRange CloseContainer(TextPosition start)
    {
        _depth--;
        _position++;
        return EndRange(start);
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
        if (!JsonStringScanner.TryRead(_text, _position, isPropertyName, _locator, out string value, out int end, out JsonError? error))
        {
            _error = error;
            range = default;
            return null;
        }

        _position = end;
        range = EndRange(start);
        return value;
    }

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

    private JsonNode? Fail(string message, int offset) => Fail(message, _locator.Locate(offset));

    private JsonNode? Fail(string message, TextPosition position)
    {
        _error = new JsonError(message, position);
        return null;
    }

    private string DescribeFound(int index) => JsonTextDescriber.DescribeFound(_text, index);

    private string Describe(int index) => JsonTextDescriber.Describe(_text, index);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
