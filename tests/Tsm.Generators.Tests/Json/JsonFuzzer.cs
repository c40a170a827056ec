using System.Text;

namespace Tsm.Generators.Tests.Json;

/// <summary>
/// Produces JSON-ish inputs: a random valid document, then a few random edits to its text and, sometimes, its bytes.
/// Small vocabularies make near-misses likely: repeated keys, lone surrogate escapes, stray punctuation, bad UTF-8.
/// </summary>
internal sealed class JsonFuzzer(int seed)
{
    private static readonly string[] Keys = ["a", "b", "\\u0061", "é", "", "k\\n", "\\uD83D\\uDE00"];
    private static readonly string[] StringParts = ["x", " ", "é", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\uD83D\\uDE00", "\\uD800", "\\uDC00"];
    private static readonly string[] Numbers = ["0", "-0", "7", "-12", "3.25", "1e10", "-2.5E-3", "9223372036854775808", "123456789012345678901234567890", "1e400"];
    private static readonly string[] Whitespace = ["", "", " ", "\n", "\r\n", "\t", "\r"];
    private static readonly string[] Insertions =
    [
        ",", "{", "}", "[", "]", "\"", ":", "\\", "'", "/", "//", "/*", "0", "-", ".", "e", "+", " ", "\n", "\r\n", "\t",
        "\f", "\u0001", "\u00A0", "true", "nul", "\\u", "\\uD800", "\\uDC00", "x", "é", "\uFEFF", "\"a\":1,",
    ];

    private static readonly byte[] StrayBytes = [0x80, 0xBF, 0xC0, 0xC1, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF];

    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        var text = new StringBuilder(Value(depth: 0));
        int textEdits = _random.Next(4);
        for (int i = 0; i < textEdits; i++)
        {
            EditText(text);
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (_random.Next(8) == 0)
        {
            bytes = EditBytes(bytes);
        }

        return _random.Next(20) == 0 ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    private string Value(int depth)
    {
        int choice = _random.Next(depth > 4 ? 3 : 5);
        return choice switch
        {
            0 => Pick(Numbers),
            1 => QuotedString(StringParts),
            2 => Pick(["true", "false", "null"]),
            3 => Container("[", "]", () => Value(depth + 1)),
            _ => Container("{", "}", () => QuotedString(Keys) + Pick(Whitespace) + ":" + Pick(Whitespace) + Value(depth + 1)),
        };
    }

    private string Container(string open, string close, Func<string> member)
    {
        var members = Enumerable.Range(0, _random.Next(4)).Select(_ => Pick(Whitespace) + member() + Pick(Whitespace));
        return open + string.Join(",", members) + close;
    }

    private string QuotedString(string[] parts) =>
        "\"" + string.Concat(Enumerable.Range(0, _random.Next(3)).Select(_ => Pick(parts))) + "\"";

    private void EditText(StringBuilder text)
    {
        int position = _random.Next(text.Length + 1);
        switch (_random.Next(4))
        {
            case 0 when text.Length > 0:
                position = Math.Min(position, text.Length - 1);
                text.Remove(position, Math.Min(_random.Next(1, 4), text.Length - position));
                break;
            case 1 when text.Length > 0:
                int start = _random.Next(text.Length);
                string copy = text.ToString(start, _random.Next(1, Math.Min(12, text.Length - start) + 1));
                text.Insert(position, copy);
                break;
            case 2 when position < text.Length:
                text.Remove(position, 1).Insert(position, Pick(Insertions));
                break;
            default:
                text.Insert(position, Pick(Insertions));
                break;
        }
    }

    private byte[] EditBytes(byte[] bytes)
    {
        var list = bytes.ToList();
        int position = _random.Next(list.Count + 1);
        if (position < list.Count && _random.Next(2) == 0)
        {
            list[position] = Pick(StrayBytes);
        }
        else
        {
            list.Insert(position, Pick(StrayBytes));
        }

        return [.. list];
    }

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];
}
