using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;

namespace Tsm.Generators.Json;

/// <summary>
/// Strict UTF-8 to UTF-16 decoding (RFC 3629): no overlong forms, no encoded surrogates, nothing above U+10FFFF.
/// Written by hand rather than with <c>UTF8Encoding(throwOnInvalidBytes: true)</c> so the error can say which byte
/// is wrong and where, without relying on exception details that differ between .NET Framework and .NET.
/// </summary>
internal static class Utf8Decoder
{
    /// <summary>Decodes all of <paramref name="bytes"/>; a byte order mark is kept as U+FEFF.</summary>
    public static bool TryDecode(byte[] bytes, CancellationToken cancellationToken, out string text, [NotNullWhen(false)] out JsonError? error)
    {
        // Each UTF-16 code unit takes at least one byte, so the decoded text is never longer than the input.
        var chars = new char[bytes.Length];
        int charCount = 0;
        int index = 0;
        while (index < bytes.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte lead = bytes[index];
            if (lead < 0x80)
            {
                chars[charCount++] = (char)lead;
                index++;
                continue;
            }

            string? problem = TryDecodeSequence(bytes, index, out int codePoint, out int length);
            if (problem is not null)
            {
                text = string.Empty;
                error = CreateError(chars, charCount, index, problem);
                return false;
            }

            if (codePoint >= 0x10000)
            {
                codePoint -= 0x10000;
                chars[charCount++] = (char)(0xD800 + (codePoint >> 10));
                chars[charCount++] = (char)(0xDC00 + (codePoint & 0x3FF));
            }
            else
            {
                chars[charCount++] = (char)codePoint;
            }

            index += length;
        }

        text = new string(chars, 0, charCount);
        error = null;
        return true;
    }

    /// <returns>Why the multi-byte sequence starting at <paramref name="start"/> is invalid, or null if it is valid.</returns>
    private static string? TryDecodeSequence(byte[] bytes, int start, out int codePoint, out int length)
    {
        byte lead = bytes[start];
        codePoint = 0;
        length = 0;
        if (lead < 0xC0)
        {
            return "unexpected continuation byte " + Hex(lead);
        }

        if (lead < 0xC2)
        {
            return "lead byte " + Hex(lead) + " can only start an overlong encoding";
        }

        if (lead > 0xF4)
        {
            return "byte " + Hex(lead) + " never occurs in UTF-8";
        }

        int continuationCount = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
        codePoint = lead & (0x3F >> continuationCount);
        for (int i = 1; i <= continuationCount; i++)
        {
            if (start + i >= bytes.Length)
            {
                return "expected a continuation byte after " + HexSequence(bytes, start, i) + ", found end of input";
            }

            byte next = bytes[start + i];
            if ((next & 0xC0) != 0x80)
            {
                return "expected a continuation byte after " + HexSequence(bytes, start, i) + ", found " + Hex(next);
            }

            codePoint = (codePoint << 6) | (next & 0x3F);
        }

        length = continuationCount + 1;
        string sequence = HexSequence(bytes, start, length);
        if (codePoint < MinimumCodePoint(length))
        {
            return "overlong encoding " + sequence;
        }

        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return "encoded surrogate " + sequence;
        }

        return codePoint > 0x10FFFF ? "code point above U+10FFFF " + sequence : null;
    }

    private static int MinimumCodePoint(int length) => length switch
    {
        2 => 0x80,
        3 => 0x800,
        _ => 0x10000,
    };

    private static JsonError CreateError(char[] decoded, int decodedCount, int byteOffset, string problem)
    {
        var position = new TextLocator(new string(decoded, 0, decodedCount)).Locate(decodedCount);
        string message = "Invalid UTF-8 at byte offset " + byteOffset.ToString(CultureInfo.InvariantCulture) + ": " + problem;
        return new JsonError(message, position);
    }

    private static string Hex(byte value) => "0x" + value.ToString("X2", CultureInfo.InvariantCulture);

    private static string HexSequence(byte[] bytes, int start, int count)
    {
        var parts = new string[count];
        for (int i = 0; i < count; i++)
        {
            parts[i] = Hex(bytes[start + i]);
        }

        return string.Join(" ", parts);
    }
}
