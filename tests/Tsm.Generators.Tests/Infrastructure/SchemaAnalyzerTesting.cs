using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis.Testing;

namespace Tsm.Generators.Tests.Infrastructure;

/// <summary>
/// Shared setup for Microsoft.CodeAnalysis.Testing analyzer and code-fix tests over schema files: reference assemblies
/// from Basic.Reference.Assemblies (the library's own <c>ReferenceAssemblies.Net.*</c> download packages at run time,
/// generator-style.md C-9), and the per-file metadata MSBuild would pass for a <c>TsmSchema="true"</c> item.
/// </summary>
internal static class SchemaAnalyzerTesting
{
    /// <summary>A set that resolves to nothing, so nothing is downloaded; the real references are added by <see cref="Configure"/>.</summary>
    public static readonly ReferenceAssemblies NoPackages = new("net10.0");

    public const string GlobalConfigPath = "/.globalconfig";

    public static void Configure(AnalyzerTest<DefaultVerifier> test)
    {
        test.ReferenceAssemblies = NoPackages;
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);

        // Tsm.Runtime and Tsm.Attestation, as in GeneratorHarness: the shipped sev-snp schema's 'as' type is Tsm.Attestation's.
        test.TestState.AdditionalReferences.Add(typeof(Tsm.MeasurementDevice).Assembly);
        test.TestState.AdditionalReferences.Add(typeof(Tsm.Attestation.SnpTcbVersion).Assembly);

        // The library insists on at least one C# file; the schema is an additional file next to it.
        test.TestState.Sources.Add(("/0/Consumer.cs", "internal static class Consumer { }"));
    }

    /// <summary>A global analyzer config marking each path as a schema, like <c>&lt;TsmSchema Include="..." /&gt;</c> does.</summary>
    public static string MarkAsSchemas(params string[] paths) =>
        "is_global = true\n" + string.Concat(paths.Select(static p => $"\n[{p}]\nbuild_metadata.AdditionalFiles.TsmSchema = true\n"));
}
