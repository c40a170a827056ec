namespace Tsm.Generators.Plan;

/// <summary>Which of the three passes over a layout's fields is written.</summary>
internal enum ParseMode
{
    /// <summary><c>IsValid</c>, behind <c>Parse</c> and <c>TryParse</c>: true or false, nothing more, and no view.</summary>
    Fast,

    /// <summary><c>Diagnose</c>, run only once the fast pass failed: the byte offset and the reason.</summary>
    Diagnosing,

    /// <summary><c>Proven</c>: the view of bytes a validation accepted, with the offsets, presence and versions it found.</summary>
    Proven,
}
