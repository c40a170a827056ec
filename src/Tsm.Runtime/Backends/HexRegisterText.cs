using System;

namespace Tsm;

/// <summary>
/// The text form of <see cref="SysfsEncoding.Hex"/> register files, as the kernel's TPM driver writes them
/// (<c>pcr_value_show</c>: <c>%02X</c> per byte, then <c>\n</c>). Shared by the sysfs backend and the emulator so both
/// accept exactly the same files.
/// </summary>
internal static class HexRegisterText
{
    /// <summary>The largest file the reader needs to see: the digits, the newline, and one byte to detect trailing data.</summary>
    public static int ReadLength(int size) => (2 * size) + 2;

    /// <summary>The length of the kernel's text for a <paramref name="size"/>-byte value.</summary>
    public static int Length(int size) => (2 * size) + 1;

    /// <summary>Writes the kernel's text for <paramref name="value"/> (uppercase hex and a newline).</summary>
    public static void Format(ReadOnlySpan<byte> value, Span<byte> text)
    {
        HexText.Encode(value, text, upperCase: true);
        text[2 * value.Length] = (byte)'\n';
    }

    /// <summary>
    /// Decodes file contents into <paramref name="value"/>: exactly two hex digits per byte (either case) and an optional
    /// trailing newline, nothing else.
    /// </summary>
    /// <exception cref="TsmException">The text is not a value; the message names the file and the byte offset.</exception>
    public static void Parse(ReadOnlySpan<byte> text, Span<byte> value, string register, string path)
    {
        int digits = 2 * value.Length;
        if (text.Length < digits)
        {
            throw Malformed(register, path, text.Length, $"the file ends after {text.Length} bytes");
        }

        int invalid = HexText.Decode(text[..digits], value);
        if (invalid >= 0)
        {
            throw Malformed(register, path, invalid, $"byte 0x{text[invalid]:X2} is not a hex digit");
        }

        if (text.Length > digits && text[digits] != (byte)'\n')
        {
            throw Malformed(register, path, digits, $"byte 0x{text[digits]:X2} follows the value where only a newline may");
        }

        if (text.Length > digits + 1)
        {
            throw Malformed(register, path, digits + 1, "data follows the newline");
        }
    }

    private static TsmException Malformed(string register, string path, int offset, string problem) =>
        new($"Register file '{path}' of '{register}' is not a hex register value at offset {offset}: {problem}. "
            + "A TPM PCR file holds exactly two hex digits per byte of the bank's digest, optionally followed by a newline.",
            registerName: register,
            path: path);
}
