namespace Tsm.Generators.Diagnostics;

internal static class DiagnosticCategories
{
    public const string Schema = "Tsm.Schema";
    public const string Usage = "Tsm.Usage";
    public const string Events = "Tsm.Events";
}
