namespace Tsm.Generators.Emit;

internal static class GeneratorInfo
{
    public const string Name = "Tsm.Generators";

    /// <summary>Written into every generated file so a stale generator loaded by an IDE is visible in the output.</summary>
    public static readonly string Version = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";
}
