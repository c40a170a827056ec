using System;
using System.Numerics;

namespace Tsm;

/// <summary>
/// Hex encoding over both UTF-16 text and ASCII bytes. Generic over the character type so that digest text (strings,
/// <see cref="ISpanFormattable"/>), its UTF-8 form (<see cref="IUtf8SpanFormattable"/>) and TPM sysfs files (bytes)
/// share one encoder and decoder.
/// <c>Convert.FromHexString</c> into a span only arrived in .NET 9, and this library targets .NET 8.
/// </summary>
internal static class HexText
{
    private const string Lower = "0123456789abcdef";
    private const string Upper = "0123456789ABCDEF";

    /// <summary>Writes two hex digits per byte of <paramref name="bytes"/> into <paramref name="text"/>.</summary>
    public static void Encode<TChar>(ReadOnlySpan<byte> bytes, Span<TChar> text, bool upperCase)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        string digits = upperCase ? Upper : Lower;
        for (int i = 0; i < bytes.Length; i++)
        {
            text[2 * i] = TChar.CreateTruncating(digits[bytes[i] >> 4]);
            text[(2 * i) + 1] = TChar.CreateTruncating(digits[bytes[i] & 0xF]);
        }
    }

    /// <summary>Hex of <paramref name="bytes"/>; lowercase is the format of every value's <c>ToString()</c>.</summary>
    public static string ToString(ReadOnlySpan<byte> bytes, bool upperCase)
    {
        Span<char> text = bytes.Length <= 256 ? stackalloc char[bytes.Length * 2] : new char[bytes.Length * 2];
        Encode(bytes, text, upperCase);
        return new string(text);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> (exactly two digits per destination byte, either case) into
    /// <paramref name="bytes"/>.
    /// </summary>
    /// <returns>The index of the first character that is not a hex digit, or -1 when all were valid.</returns>
    public static int Decode<TChar>(ReadOnlySpan<TChar> text, Span<byte> bytes)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            int high = DigitValue(int.CreateTruncating(text[2 * i]));
            if (high < 0)
            {
                return 2 * i;
            }

            int low = DigitValue(int.CreateTruncating(text[(2 * i) + 1]));
            if (low < 0)
            {
                return (2 * i) + 1;
            }

            bytes[i] = (byte)((high << 4) | low);
        }

        return -1;
    }

    private static int DigitValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
