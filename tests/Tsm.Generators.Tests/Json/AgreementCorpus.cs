using System.Text;

namespace Tsm.Generators.Tests.Json;

/// <summary>Documents on which our reader and System.Text.Json must agree, each with the outcome both must reach.</summary>
internal static class AgreementCorpus
{
    public static readonly IReadOnlyList<AgreementCase> Cases =
    [
        // Literals and top-level shape.
        Valid("true", "true"),
        Valid("false", "false"),
        Valid("null", "null"),
        Valid("value surrounded by all four whitespace characters", " \t\r\n1 \t\r\n"),
        Invalid("empty input", ""),
        Invalid("whitespace only", " \t\r\n "),
        Invalid("two top-level numbers", "1 2"),
        Invalid("two top-level objects", "{}{}"),
        Invalid("two top-level arrays", "[] []"),
        Invalid("capitalized literal", "True"),
        Invalid("truncated literal", "nul"),
        Invalid("literal with extra letter", "truee"),
        Invalid("undefined", "undefined"),
        Invalid("literal followed by digit in array", "[true1]"),

        // Byte order marks.
        Valid("BOM before value", "\uFEFF{\"a\":1}"),
        Valid("BOM before whitespace", "\uFEFF \r\n[1]"),
        Invalid("BOM only", "\uFEFF"),
        Invalid("two BOMs", "\uFEFF\uFEFF1"),
        Invalid("BOM after value", "1\uFEFF"),

        // Whitespace RFC 8259 does not allow.
        Invalid("form feed as whitespace", "\f1"),
        Invalid("vertical tab as whitespace", "\v1"),
        Invalid("no-break space as whitespace", "\u00A01"),
        Invalid("line separator as whitespace", "\u20281"),
        Invalid("NUL after value", "1\0"),

        // Numbers.
        Valid("zero", "0"),
        Valid("negative zero", "-0"),
        Valid("fraction and exponent", "-1.5e-3"),
        Valid("capital exponent with plus", "1E+2"),
        Valid("exponent beyond double", "1e400"),
        Valid("negative exponent beyond double", "-1e400"),
        Valid("exponent below double", "1e-400"),
        Valid("integer beyond Int64", "123456789012345678901234567890"),
        Valid("Int64 minimum", "-9223372036854775808"),
        Valid("one past Int64 maximum", "9223372036854775808"),
        Valid("numbers in array", "[0,-0,0.5,10,1e1,-2E-2]"),
        Invalid("leading zero", "01"),
        Invalid("negative leading zero", "-01"),
        Invalid("leading plus", "+1"),
        Invalid("leading decimal point", ".5"),
        Invalid("trailing decimal point", "1."),
        Invalid("decimal point before exponent", "1.e3"),
        Invalid("exponent without digits", "1e"),
        Invalid("exponent sign without digits", "1e+"),
        Invalid("lone minus", "-"),
        Invalid("space after minus", "- 1"),
        Invalid("hexadecimal", "0x10"),
        Invalid("NaN", "NaN"),
        Invalid("Infinity", "Infinity"),
        Invalid("negative Infinity", "-Infinity"),
        Invalid("number followed by minus", "[1-]"),

        // Strings and escapes.
        Valid("empty string", "\"\""),
        Valid("every simple escape", "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""),
        Valid("unicode escapes in both cases", "\"\\u0041\\u00e9\\u00E9\""),
        Valid("escaped NUL", "\"\\u0000\""),
        Valid("surrogate pair escape", "\"\\uD83D\\uDE00\""),
        Valid("raw non-ASCII", "\"é € 😀\""),
        Valid("raw DEL", "\"a\u007Fb\""),
        Valid("lone high surrogate escape in value", "\"\\uD800\""),
        Valid("lone low surrogate escape in value", "\"\\uDC00\""),
        Valid("reversed surrogate escapes in value", "\"\\uDE00\\uD83D\""),
        Valid("high surrogate escape before a letter", "[\"\\uD800x\"]"),
        Valid("two high surrogate escapes then a low", "\"\\uD800\\uD800\\uDC00\""),
        Valid("surrogate pair escape in property name", "{\"\\uD83D\\uDE00\":1}"),
        Invalid("lone surrogate escape in property name", "{\"\\uD800\":1}"),
        Invalid("unterminated string", "\"abc"),
        Invalid("single-quoted string", "'a'"),
        Invalid("raw tab in string", "\"a\tb\""),
        Invalid("raw line feed in string", "\"a\nb\""),
        Invalid("raw NUL in string", "\"a\0b\""),
        Invalid("raw unit separator in string", "\"\u001F\""),
        Invalid("unknown escape", "\"\\x\""),
        Invalid("capital U escape", "\"\\U0041\""),
        Invalid("escaped single quote", "\"\\'\""),
        Invalid("short unicode escape", "\"\\u12\""),
        Invalid("non-hex unicode escape", "\"\\u00G1\""),
        Invalid("backslash at end of input", "\"\\"),

        // Objects and arrays.
        Valid("empty object", "{}"),
        Valid("empty array", "[]"),
        Valid("nested mix", "{\"a\":[1,{\"b\":null},\"c\"],\"d\":{\"e\":true,\"f\":false}}"),
        Valid("whitespace everywhere", " {\r\n\t\"a\" :\n[ 1 ,\r\n 2 ] } "),
        Valid("empty property name", "{\"\":1}"),
        Valid("names differing only in case", "{\"a\":1,\"A\":2}"),
        Valid("same name in sibling objects", "{\"a\":{\"a\":1},\"b\":{\"a\":2}}"),
        Valid("same name in array items", "[{\"a\":1},{\"a\":1}]"),
        Invalid("unclosed object", "{"),
        Invalid("unclosed array", "["),
        Invalid("unclosed nested array", "[1,[2]"),
        Invalid("extra closing bracket", "[]]"),
        Invalid("closing brace alone", "}"),
        Invalid("mismatched brackets", "[}"),
        Invalid("unquoted property name", "{a:1}"),
        Invalid("single-quoted property name", "{'a':1}"),
        Invalid("missing colon", "{\"a\" 1}"),
        Invalid("missing property value", "{\"a\":}"),
        Invalid("missing comma between properties", "{\"a\":1 \"b\":2}"),
        Invalid("missing comma between items", "[1 2]"),
        Invalid("number as property name", "{1:1}"),

        // Trailing commas and comments.
        Invalid("trailing comma in array", "[1,]"),
        Invalid("trailing comma in object", "{\"a\":1,}"),
        Invalid("leading comma in array", "[,1]"),
        Invalid("double comma in array", "[1,,2]"),
        Invalid("line comment before value", "// c\n1"),
        Invalid("block comment before value", "/* c */1"),
        Invalid("block comment after value", "1 /* c */"),
        Invalid("comment inside array", "[1 /* c */]"),

        // Duplicate property names.
        Invalid("duplicate name", "{\"a\":1,\"a\":2}"),
        Invalid("duplicate name after another property", "{\"a\":1,\"b\":2,\"a\":3}"),
        Invalid("duplicate name written with an escape", "{\"a\":1,\"\\u0061\":2}"),
        Invalid("duplicate empty name", "{\"\":1,\"\":2}"),
        Invalid("duplicate name in nested object", "[{\"x\":{\"b\":1,\"b\":1}}]"),

        // Nesting around the limit of 64.
        Valid("63 nested arrays", Nest(63, "[", "]", "")),
        Valid("64 nested arrays", Nest(64, "[", "]", "")),
        Invalid("65 nested arrays", Nest(65, "[", "]", "")),
        Valid("63 nested objects", Nest(63, "{\"a\":", "}", "1")),
        Valid("64 nested objects", Nest(64, "{\"a\":", "}", "1")),
        Invalid("65 nested objects", Nest(65, "{\"a\":", "}", "1")),
        Valid("64 levels ending in an array", Nest(63, "{\"a\":", "}", "[1]")),
        Invalid("65 levels ending in an array", Nest(64, "{\"a\":", "}", "[1]")),
        Valid("siblings at level 64", "[" + Nest(63, "[", "]", "") + "," + Nest(63, "[", "]", "") + "]"),

        // Invalid UTF-8 (each would be a valid document if the bytes were valid).
        Bytes("overlong two-byte NUL", "\"", [0xC0, 0x80], "\""),
        Bytes("overlong two-byte letter", "\"", [0xC1, 0x81], "\""),
        Bytes("overlong three-byte", "\"", [0xE0, 0x80, 0x80], "\""),
        Bytes("overlong four-byte", "\"", [0xF0, 0x80, 0x80, 0x80], "\""),
        Bytes("overlong three-byte letter", "\"", [0xE0, 0x81, 0x81], "\""),
        Bytes("overlong four-byte euro sign", "\"", [0xF0, 0x82, 0x82, 0xAC], "\""),
        Bytes("lone continuation byte", "\"", [0x80], "\""),
        Bytes("continuation byte BF", "\"", [0xBF], "\""),
        Bytes("truncated three-byte sequence", "\"", [0xE2, 0x82], "\""),
        Bytes("truncated sequence at end of input", "\"", [0xE2, 0x82], ""),
        Bytes("truncated four-byte sequence", "[\"", [0xF0, 0x9F, 0x98], "\"]"),
        Bytes("encoded high surrogate", "\"", [0xED, 0xA0, 0x80], "\""),
        Bytes("encoded low surrogate", "\"", [0xED, 0xB0, 0x80], "\""),
        Bytes("encoded surrogate pair", "\"", [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80], "\""),
        Bytes("code point above U+10FFFF", "\"", [0xF4, 0x90, 0x80, 0x80], "\""),
        Bytes("byte F5", "\"", [0xF5, 0x80, 0x80, 0x80], "\""),
        Bytes("byte FE", "\"", [0xFE], "\""),
        Bytes("byte FF", "\"", [0xFF], "\""),
        Bytes("invalid UTF-8 in property name", "{\"", [0xC0, 0x80], "\":1}"),
        Bytes("invalid UTF-8 outside strings", "[", [0xC3], "]"),
        Bytes("partial BOM", "", [0xEF, 0xBB], "1"),
    ];

    public static AgreementCase Find(string name) => Cases.Single(c => c.Name == name);

    private static AgreementCase Valid(string name, string json) => new(name, Encoding.UTF8.GetBytes(json), true);

    private static AgreementCase Invalid(string name, string json) => new(name, Encoding.UTF8.GetBytes(json), false);

    private static AgreementCase Bytes(string name, string before, byte[] bytes, string after) =>
        new(name, [.. Encoding.UTF8.GetBytes(before), .. bytes, .. Encoding.UTF8.GetBytes(after)], false);

    private static string Nest(int depth, string open, string close, string innermost) =>
        string.Concat(Enumerable.Repeat(open, depth)) + innermost + string.Concat(Enumerable.Repeat(close, depth));
}
