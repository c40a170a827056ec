namespace Tsm.Generators.Diagnostics;

internal static class HelpLinks
{
    /// <summary>Every descriptor links to its page in <c>docs/diagnostics</c> so the IDE's "help" opens the explanation.</summary>
    public const string Base = "https://github.com/tsm-dev/tsm/blob/main/docs/diagnostics/";

    public static string For(string id) => Base + id + ".md";
}
