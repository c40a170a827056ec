using System;
using System.Linq;

namespace Tsm.Cli.Commands;

/// <summary>The <c>--nonce</c> of <c>tsm report</c>: hex digits, a whole number of bytes, within the vendor's size.</summary>
internal static class Nonce
{
    /// <exception cref="InputException">The text is not hex, or its byte count is outside <paramref name="size"/>.</exception>
    public static byte[] Parse(string hex, (int Minimum, int Maximum) size, string vendor)
    {
        string expected = size.Minimum == size.Maximum
            ? $"{size.Maximum} bytes ({2 * size.Maximum} hex digits)"
            : $"{size.Minimum} to {size.Maximum} bytes ({2 * size.Minimum} to {2 * size.Maximum} hex digits)";
        if (hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new InputException($"--nonce must be hex digits, {expected} for {vendor}; '{Shorten(hex)}' is not");
        }

        int bytes = hex.Length / 2;
        if (bytes < size.Minimum || bytes > size.Maximum)
        {
            throw new InputException($"--nonce must be {expected} for {vendor}; it has {bytes} bytes ({hex.Length} hex digits)");
        }

        return Convert.FromHexString(hex);
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "...";
}
