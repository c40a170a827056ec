using System.Globalization;

namespace Tsm.Generators.Json;

internal sealed class JsonError
{
    public JsonError(string message, TextPosition position)
    {
        Message = message;
        Position = position;
    }

    /// <summary>Says what was expected and what was found at <see cref="Position"/>.</summary>
    public string Message { get; }

    public TextPosition Position { get; }

    public override string ToString() =>
        "(" + Position.Line.ToString(CultureInfo.InvariantCulture) + "," + Position.Column.ToString(CultureInfo.InvariantCulture) + "): " + Message;
}
