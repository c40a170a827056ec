using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tsm.Cli.Output;

/// <summary>Field values as people read them in the table (JSON always has the full values).</summary>
internal static class ValueText
{
    /// <summary>Values up to this many bytes are shown in full: every digest, REPORTDATA, CHIP_ID.</summary>
    private const int FullBytes = 64;

    /// <summary>How many leading bytes a longer value shows.</summary>
    private const int PreviewBytes = 32;

    /// <summary>Decimal; small values alone, larger ones (sizes, flags, TCB versions) with their hex.</summary>
    public static string Integer(ulong value) => value < 10
        ? value.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{value} (0x{value:x})");

    /// <summary>Lowercase hex; a value longer than 64 bytes as its first 32 bytes and its length.</summary>
    public static string Bytes(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return "(empty)";
        }

        if (value.Length <= FullBytes)
        {
            return Convert.ToHexStringLower(value);
        }

        return value.ContainsAnyExcept((byte)0)
            ? string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexStringLower(value[..PreviewBytes])}... ({value.Length} bytes)")
            : string.Create(CultureInfo.InvariantCulture, $"all zero ({value.Length} bytes)");
    }

    /// <summary>Text in double quotes, with quotes, backslashes and control characters escaped as in JSON.</summary>
    /// <remarks>JsonEncodedText escapes as JsonSerializer does, without its reflection (trimming and Native AOT).</remarks>
    public static string Quoted(string value) =>
        $"\"{JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value}\"";
}
