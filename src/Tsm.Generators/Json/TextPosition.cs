namespace Tsm.Generators.Json;

/// <summary>A point in JSON text.</summary>
/// <param name="Offset">Zero-based index, in UTF-16 code units, into the text that was parsed (for UTF-8 input: into its decoded text).</param>
/// <param name="Line">One-based line; CR, LF and CRLF each end a line.</param>
/// <param name="Column">
/// One-based column in UTF-16 code units. A leading byte order mark is not counted, because editors do not show it.
/// </param>
internal readonly record struct TextPosition(int Offset, int Line, int Column);
