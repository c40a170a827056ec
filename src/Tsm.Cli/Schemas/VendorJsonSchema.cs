using System.IO;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tsm.Cli.Schemas;

/// <summary>
/// <c>schemas/tsm-vendor.schema.json</c> as built into this tool, so what <c>tsm schema new</c> writes always matches
/// the tool's version, and vendor ids are checked by the schema's own <c>vendor</c> pattern.
/// </summary>
internal static class VendorJsonSchema
{
    public const string FileName = "tsm-vendor.schema.json";

    public static byte[] Bytes { get; } = Read();

    /// <summary>The pattern of <c>properties.vendor</c>: <c>^[a-z][a-z0-9]*(-[a-z0-9]+)*$</c>.</summary>
    public static string VendorIdPattern { get; } = ReadVendorIdPattern();

    /// <summary>Whether all of <paramref name="id"/> matches <see cref="VendorIdPattern"/>.</summary>
    /// <remarks>
    /// JSON Schema patterns are ECMA-262 regular expressions, whose <c>$</c> is the end of the input; .NET's <c>$</c>
    /// also matches before a final newline, so the match must cover the whole id.
    /// </remarks>
    public static bool IsVendorId(string id)
    {
        Match match = Regex.Match(id, VendorIdPattern, RegexOptions.CultureInvariant);
        return match.Success && match.Length == id.Length;
    }

    private static byte[] Read()
    {
        using Stream stream = typeof(VendorJsonSchema).Assembly.GetManifestResourceStream(FileName)
            ?? throw new MissingManifestResourceException(FileName);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static string ReadVendorIdPattern()
    {
        using JsonDocument schema = JsonDocument.Parse(Bytes);
        return schema.RootElement.GetProperty("properties").GetProperty("vendor").GetProperty("pattern").GetString()!;
    }
}
