using System;
using System.Threading;

namespace Tsm.Generators.Json;

/// <summary>
/// A strict RFC 8259 reader for schema files. It never throws for malformed input: the first problem comes back as a
/// <see cref="JsonError"/> with a position, so the generator can report it as a diagnostic.
/// </summary>
/// <remarks>
/// Beyond RFC 8259 it rejects duplicate property names (the RFC allows them but a schema with two values for one key
/// is a mistake) and nesting deeper than <see cref="MaxDepth"/>. It accepts exactly what System.Text.Json's
/// <c>JsonDocument</c> accepts with <c>AllowDuplicateProperties = false</c>, except that it checks UTF-8 up front
/// (JsonDocument defers that inside strings until they are read) and skips a byte order mark (as STJ's stream
/// readers do).
/// </remarks>
internal static class JsonReader
{
    /// <summary>Deepest nesting of objects and arrays accepted; the same default as System.Text.Json.</summary>
    public const int MaxDepth = 64;

    internal const char ByteOrderMark = '\uFEFF';

    /// <summary>Parses <paramref name="text"/>, skipping one leading U+FEFF (an editor's byte order mark).</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is canceled.</exception>
    public static JsonParseResult Parse(string text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return JsonParser.Parse(text, cancellationToken);
    }

    /// <summary>
    /// Decodes <paramref name="utf8"/> strictly, then parses it like <see cref="Parse"/>; a leading EF BB BF decodes to
    /// the byte order mark and is skipped. Positions refer to the decoded text. Invalid UTF-8 is an error positioned
    /// where the bad sequence starts, with its byte offset in the message.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is canceled.</exception>
    public static JsonParseResult ParseUtf8(byte[] utf8, CancellationToken cancellationToken)
    {
        if (utf8 is null)
        {
            throw new ArgumentNullException(nameof(utf8));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Utf8Decoder.TryDecode(utf8, cancellationToken, out string text, out JsonError? error)
            ? JsonParser.Parse(text, cancellationToken)
            : JsonParseResult.Failed(error);
    }
}
