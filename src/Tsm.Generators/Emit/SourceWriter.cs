using System.Text;

namespace Tsm.Generators.Emit;

/// <summary>A string builder that tracks indentation; cheaper and more predictable than building syntax trees.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>A bare block: scopes the locals of one step of straight-line code.</summary>
    public SourceWriter OpenBlock()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent--;
        return this;
    }

    /// <summary>An XML doc summary of plain text (schema descriptions): escaped and split on line breaks.</summary>
    public SourceWriter Summary(string text) => SummaryXml(Escape(text));

    /// <summary>An XML doc summary whose text is already XML (it may hold <c>&lt;paramref/&gt;</c> and the like).</summary>
    public SourceWriter SummaryXml(string xml)
    {
        Line("/// <summary>");
        foreach (string line in xml.Replace("\r\n", "\n").Split('\n'))
        {
            Line("/// " + line.Trim());
        }

        return Line("/// </summary>");
    }

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public override string ToString() => _builder.ToString();
}
