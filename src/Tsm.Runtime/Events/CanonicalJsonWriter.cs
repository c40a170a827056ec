using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Tsm;

/// <summary>
/// Writes one JSON value in the JSON Canonicalization Scheme (RFC 8785): no whitespace (§3.2.1), literals and strings
/// as ECMAScript's <c>JSON.stringify</c> writes them (§3.2.2.1, §3.2.2.2), and numbers limited to the integers an IEEE
/// double holds exactly, written as plain decimals (§3.2.2.3). The caller writes each object's members in RFC 8785
/// order, ascending by UTF-16 code units (§3.2.3); the writer checks that order instead of sorting, so generated
/// events, whose members are sorted at compile time, write straight through.
/// </summary>
/// <remarks>
/// Input must be I-JSON (RFC 8785 §3.1, RFC 7493): a string holding a lone surrogate, a number outside
/// ±<see cref="MaxSafeInteger"/>, a member out of order or repeated, and a value in the wrong place are refused, so
/// the text can only be canonical. The UTF-8 encoding of <see cref="ToJson"/> (§3.2.4) is <see cref="ToUtf8Bytes"/>.
/// </remarks>
public sealed class CanonicalJsonWriter
{
    /// <summary>2^53−1, the largest integer every smaller one of which an IEEE double holds exactly (I-JSON, RFC 7493 §2.2).</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    private readonly StringBuilder _text = new();
    private readonly List<Container> _open = new();
    private bool _complete;

    /// <summary>Whether one whole value has been written, so <see cref="ToJson"/> may be called.</summary>
    public bool IsComplete => _complete;

    /// <summary>Starts an object (<c>{</c>).</summary>
    /// <exception cref="InvalidOperationException">A value cannot go here.</exception>
    public void WriteStartObject() => Open(isObject: true, '{');

    /// <summary>Ends the innermost object (<c>}</c>).</summary>
    /// <exception cref="InvalidOperationException">The innermost container is not an object, or its last member has no value.</exception>
    public void WriteEndObject() => Close(isObject: true, '}');

    /// <summary>Starts an array (<c>[</c>).</summary>
    /// <exception cref="InvalidOperationException">A value cannot go here.</exception>
    public void WriteStartArray() => Open(isObject: false, '[');

    /// <summary>Ends the innermost array (<c>]</c>).</summary>
    /// <exception cref="InvalidOperationException">The innermost container is not an array.</exception>
    public void WriteEndArray() => Close(isObject: false, ']');

    /// <summary>Writes a member name; its value comes next.</summary>
    /// <param name="name">The name; it must sort after the previous member's name by UTF-16 code units (RFC 8785 §3.2.3).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> holds a lone surrogate.</exception>
    /// <exception cref="InvalidOperationException">The innermost container is not an object awaiting a name, or <paramref name="name"/> does not sort after the previous name.</exception>
    public void WritePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Container? current = _open.Count == 0 ? null : _open[^1];
        if (current is not { IsObject: true, AwaitingValue: false })
        {
            throw new InvalidOperationException("A member name can only be written inside an object, before the member's value.");
        }

        if (current.LastName is not null && string.CompareOrdinal(name, current.LastName) <= 0)
        {
            throw new InvalidOperationException(
                $"Member \"{name}\" follows \"{current.LastName}\"; RFC 8785 §3.2.3 orders an object's members by their UTF-16 code units, each name once.");
        }

        if (current.LastName is not null)
        {
            _text.Append(',');
        }

        AppendString(name, nameof(name));
        _text.Append(':');
        current.LastName = name;
        current.AwaitingValue = true;
    }

    /// <summary>Writes a string, escaped as RFC 8785 §3.2.2.2 says; <see langword="null"/> writes <c>null</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> holds a lone surrogate, which I-JSON forbids.</exception>
    /// <exception cref="InvalidOperationException">A value cannot go here.</exception>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        BeginValue();
        AppendString(value, nameof(value));
        EndValue();
    }

    /// <summary>Writes <c>true</c> or <c>false</c> (RFC 8785 §3.2.2.1).</summary>
    /// <exception cref="InvalidOperationException">A value cannot go here.</exception>
    public void WriteBoolean(bool value) => WriteLiteral(value ? "true" : "false");

    /// <summary>Writes <c>null</c> (RFC 8785 §3.2.2.1).</summary>
    /// <exception cref="InvalidOperationException">A value cannot go here.</exception>
    public void WriteNull() => WriteLiteral("null");

    /// <summary>Writes an integer as a plain decimal, as ECMAScript writes a double that holds an integer (RFC 8785 §3.2.2.3).</summary>
    /// <param name="value">The integer, within ±<see cref="MaxSafeInteger"/>.</param>
    /// <param name="paramName">The name the exception gives the value; by default the argument's expression.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside ±<see cref="MaxSafeInteger"/>.</exception>
    /// <exception cref="InvalidOperationException">A value cannot go here.</exception>
    public void WriteNumber(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is < -MaxSafeInteger or > MaxSafeInteger)
        {
            throw OutOfRange(value, paramName);
        }

        WriteLiteral(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes an unsigned integer as a plain decimal (RFC 8785 §3.2.2.3).</summary>
    /// <param name="value">The integer, at most <see cref="MaxSafeInteger"/>.</param>
    /// <param name="paramName">The name the exception gives the value; by default the argument's expression.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is more than <see cref="MaxSafeInteger"/>.</exception>
    /// <exception cref="InvalidOperationException">A value cannot go here.</exception>
    public void WriteNumber(ulong value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value > MaxSafeInteger)
        {
            throw OutOfRange(value, paramName);
        }

        WriteLiteral(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The canonical text of the value written.</summary>
    /// <exception cref="InvalidOperationException">No whole value has been written yet.</exception>
    public string ToJson()
    {
        if (!_complete)
        {
            throw new InvalidOperationException("The JSON value is not complete: " + (_open.Count == 0 ? "nothing was written." : $"{_open.Count} container(s) are still open."));
        }

        return _text.ToString();
    }

    /// <summary>The canonical bytes: <see cref="ToJson"/> in UTF-8 (RFC 8785 §3.2.4), what a hash of the value covers.</summary>
    /// <exception cref="InvalidOperationException">No whole value has been written yet.</exception>
    public byte[] ToUtf8Bytes() => Encoding.UTF8.GetBytes(ToJson());

    private static ArgumentOutOfRangeException OutOfRange(object value, string? paramName) => new(
        paramName,
        value,
        $"RFC 8785 numbers are IEEE doubles, which hold integers exactly only within ±{MaxSafeInteger} (2^53−1); measure a larger value as a string.");

    private void WriteLiteral(string literal)
    {
        BeginValue();
        _text.Append(literal);
        EndValue();
    }

    private void Open(bool isObject, char bracket)
    {
        BeginValue();
        _text.Append(bracket);
        _open.Add(new Container(isObject));
    }

    private void Close(bool isObject, char bracket)
    {
        Container? current = _open.Count == 0 ? null : _open[^1];
        if (current is null || current.IsObject != isObject || current.AwaitingValue)
        {
            throw new InvalidOperationException(current is { AwaitingValue: true }
                ? $"Member \"{current.LastName}\" has no value."
                : $"There is no open {(isObject ? "object" : "array")} to end.");
        }

        _open.RemoveAt(_open.Count - 1);
        _text.Append(bracket);
        EndValue();
    }

    private void BeginValue()
    {
        if (_open.Count == 0)
        {
            if (_complete)
            {
                throw new InvalidOperationException("A canonical JSON text holds one value, and it has been written.");
            }

            return;
        }

        Container current = _open[^1];
        if (current.IsObject)
        {
            if (!current.AwaitingValue)
            {
                throw new InvalidOperationException("A value inside an object needs its member name first.");
            }

            current.AwaitingValue = false;
            return;
        }

        if (current.HasElements)
        {
            _text.Append(',');
        }

        current.HasElements = true;
    }

    private void EndValue() => _complete = _open.Count == 0;

    // RFC 8785 §3.2.2.2: the escapes of ECMAScript's JSON.stringify (QuoteJSONString): the two-character forms for
    // " \ BS FF LF CR HT, \u00xx in lowercase hex for the other controls below U+0020, and every other code point as is.
    private void AppendString(string value, string paramName)
    {
        _text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\b':
                    _text.Append("\\b");
                    break;
                case '\f':
                    _text.Append("\\f");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                case < ' ':
                    _text.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        _text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // I-JSON (RFC 7493 §2.1), which RFC 8785 §3.1 requires: strings are Unicode, so no lone surrogates.
                        throw new ArgumentException($"Character {i} is a lone surrogate (U+{(int)c:X4}); I-JSON strings hold only whole Unicode characters.", paramName);
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }

    /// <summary>One open object or array.</summary>
    private sealed class Container(bool isObject)
    {
        public bool IsObject { get; } = isObject;

        public string? LastName { get; set; }

        public bool AwaitingValue { get; set; }

        public bool HasElements { get; set; }
    }
}
