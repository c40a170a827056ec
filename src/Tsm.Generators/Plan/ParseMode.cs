namespace Tsm.Generators.Plan;

/// <summary>Which of the two <c>TryCreate</c>s of a layout is written.</summary>
internal enum ParseMode
{
    /// <summary>Behind <c>Parse</c> and <c>TryParse</c>: true or false, nothing more.</summary>
    Fast,

    /// <summary>Run only once the fast parse failed: the byte offset and the reason.</summary>
    Diagnosing,
}
