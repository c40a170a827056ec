using System.Text.Json;
using System.Text.Unicode;

namespace Tsm.Generators.Tests.Json;

/// <summary>System.Text.Json set up to accept exactly the documents our reader is meant to accept.</summary>
internal static class SystemTextJsonReference
{
    // MaxDepth is left at its default (64) on purpose: the corpus checks that our limit matches STJ's default.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <returns>The parsed document, or null if System.Text.Json rejects the input.</returns>
    public static JsonDocument? TryParse(byte[] utf8)
    {
        // JsonDocument checks UTF-8 inside strings only when a string is read (GetString throws later), while our
        // reader decodes strictly before parsing; the BCL's validator supplies that up-front check.
        if (!Utf8.IsValid(utf8))
        {
            return null;
        }

        // JsonDocument.Parse(ReadOnlyMemory<byte>) treats a BOM as an invalid token, while STJ's stream readers skip
        // one; our reader skips one too, because editors write it.
        ReadOnlyMemory<byte> json = utf8.AsSpan().StartsWith("\uFEFF"u8) ? utf8.AsMemory(3) : utf8;
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Checking for duplicates makes JsonDocument unescape every property name, and a name holding a lone
            // surrogate escape ("\uD800") cannot be unescaped: it throws this rather than a JsonException.
            return null;
        }
    }
}
