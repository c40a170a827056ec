namespace Tsm.Generators.Schema;

/// <summary>
/// The syntax of a report field's <c>as</c>: a fully qualified C# type name, <c>Namespace.Type</c> (nested types
/// too, <c>Namespace.Outer.Inner</c>), optionally prefixed <c>global::</c>, which a type of the global namespace needs
/// (<c>global::Type</c>). The JSON Schema states the same rule as the pattern
/// <c>^(global::[A-Za-z_][A-Za-z0-9_]*|(global::)?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+)$</c>.
/// A bare identifier is not taken: the generated code cannot know which namespace it means.
/// </summary>
internal static class AsTypeNames
{
    private const string GlobalPrefix = "global::";

    /// <summary>The <c>as</c> type of the shipped SEV-SNP schema, suggested for the bare name older schemas used.</summary>
    private const string SnpTcbVersion = "Tsm.Attestation.SnpTcbVersion";

    /// <summary>The name without <c>global::</c> when <paramref name="value"/> is a valid <c>as</c>, else null.</summary>
    public static string? Normalize(string value)
    {
        bool global = value.StartsWith(GlobalPrefix, System.StringComparison.Ordinal);
        string name = global ? value.Substring(GlobalPrefix.Length) : value;
        string[] segments = name.Split('.');
        if (!global && segments.Length < 2)
        {
            return null;
        }

        foreach (string segment in segments)
        {
            if (!IsAsciiIdentifier(segment))
            {
                return null;
            }
        }

        return name;
    }

    /// <summary>What <paramref name="value"/> probably meant, for a did-you-mean, or null when nothing fits.</summary>
    public static string? Suggest(string value)
    {
        string trimmed = value.Trim();
        if (trimmed.EndsWith("SnpTcbVersion", System.StringComparison.Ordinal) && Normalize(trimmed) is null)
        {
            return SnpTcbVersion;
        }

        string dotted = trimmed.Replace("::", ".").Replace('+', '.').Replace('/', '.');
        return dotted != trimmed && Normalize(dotted) is { } fixedName ? fixedName : null;
    }

    private static bool IsAsciiIdentifier(string segment)
    {
        if (segment.Length == 0 || !(IsAsciiLetter(segment[0]) || segment[0] == '_'))
        {
            return false;
        }

        foreach (char c in segment)
        {
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
