namespace Tsm.Generators.Json;

/// <summary>
/// Turns offsets into line and column. The reader asks for positions in increasing order, so the locator scans
/// forward from the last answer and the whole document costs one pass.
/// </summary>
internal sealed class TextLocator
{
    private readonly string _text;
    private readonly int _firstLineStart;
    private int _scanned;
    private int _line;
    private int _lineStart;

    public TextLocator(string text)
    {
        _text = text;
        // A byte order mark is invisible in editors, so columns on the first line start after it.
        _firstLineStart = text.Length > 0 && text[0] == JsonReader.ByteOrderMark ? 1 : 0;
        Reset();
    }

    public TextPosition Locate(int offset)
    {
        // Going back is never needed by the reader; rescanning keeps the answer right if it ever is.
        if (offset < _scanned)
        {
            Reset();
        }

        for (; _scanned < offset; _scanned++)
        {
            char c = _text[_scanned];
            // In CRLF the LF ends the line, so the pair counts once and the CR stays on the line it ends.
            if (c == '\n' || (c == '\r' && !IsFollowedByLineFeed(_scanned)))
            {
                _line++;
                _lineStart = _scanned + 1;
            }
        }

        return new TextPosition(offset, _line, offset - _lineStart + 1);
    }

    private bool IsFollowedByLineFeed(int index) => index + 1 < _text.Length && _text[index + 1] == '\n';

    private void Reset()
    {
        _scanned = 0;
        _line = 1;
        _lineStart = _firstLineStart;
    }
}
