using System.Globalization;

namespace Tsm.Generators.Json;

/// <summary>
/// A number kept as written: JSON puts no limit on range or precision (<c>1e400</c> is valid), so conversion is the
/// caller's choice.
/// </summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(TextRange range, string rawText, bool isInteger)
        : base(JsonKind.Number, range)
    {
        RawText = rawText;
        IsInteger = isInteger;
    }

    public string RawText { get; }

    /// <summary>Written without a fraction or exponent; <c>1.0</c> and <c>1e2</c> are not integers.</summary>
    public bool IsInteger { get; }

    /// <summary>Succeeds for integers (see <see cref="IsInteger"/>) within the range of <see cref="long"/>.</summary>
    public bool TryGetInt64(out long value)
    {
        if (IsInteger)
        {
            return long.TryParse(RawText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// Succeeds when the number is within the range of <see cref="double"/> (rounding to the nearest value).
    /// Out-of-range numbers such as <c>1e400</c> fail rather than become infinity: .NET Framework (which hosts this
    /// generator in Visual Studio) fails them while .NET Core returns infinity, and callers need one answer.
    /// </summary>
    public bool TryGetDouble(out double value)
    {
        if (double.TryParse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && !double.IsInfinity(value))
        {
            return true;
        }

        value = 0;
        return false;
    }
}
