using Tsm.Generators.Json;

namespace Tsm.Generators.Tests.Json;

/// <summary>
/// A deliberately naive line/column count, written independently of the reader's <c>TextLocator</c>, to check every
/// position the reader reports.
/// </summary>
internal static class PositionOracle
{
    public static TextPosition At(string text, int offset)
    {
        int line = 1;
        int column = 1;
        int i = text.StartsWith('\uFEFF') ? 1 : 0;
        for (; i < offset; i++)
        {
            bool crlf = text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n';
            if (crlf && i + 1 < offset)
            {
                line++;
                column = 1;
                i++;
            }
            else if (!crlf && (text[i] == '\r' || text[i] == '\n'))
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new TextPosition(offset, line, column);
    }

    public static void AssertConsistent(string text, TextPosition position, string context)
    {
        Assert.True(position.Offset >= 0 && position.Offset <= text.Length, $"{context}: offset {position.Offset} outside text of length {text.Length}");
        Assert.True(At(text, position.Offset) == position, $"{context}: reported {position}, expected {At(text, position.Offset)}");
    }
}
