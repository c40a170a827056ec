using System.Reflection;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Events;

/// <summary>Runs the generator over C# that declares measurement events (no schema files) and loads what it built.</summary>
internal static class EventGeneration
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Tsm;

        """;

    public static (GeneratorDriverRunResult Result, Compilation Output) Run(params string[] sources) =>
        GeneratorHarness.Run(Array.Empty<AdditionalText>(), sources.Select(static s => Usings + s).ToArray());

    /// <summary>The diagnostics the generator reported, as (ID, line counted from 1 in the source as given, column from 1).</summary>
    public static IReadOnlyList<(string Id, int Line, int Column)> Diagnostics(string source)
    {
        int usingLines = Usings.Count(static c => c == '\n');
        return Run(source).Result.Diagnostics
            .Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1 - usingLines, d.Location.GetLineSpan().StartLinePosition.Character + 1))
            .OrderBy(static d => d.Item2)
            .ThenBy(static d => d.Item3)
            .ToList();
    }

    /// <summary>
    /// Compiles <paramref name="source"/> with the generated code, requiring no errors or warnings in either, and calls
    /// each of <paramref name="methods"/> (by default <c>Make</c>) of the class <c>Sample</c>, which the source declares
    /// to return its events.
    /// </summary>
    public static IReadOnlyList<IMeasurementEvent> MakeAll(string source, params string[] methods)
    {
        (GeneratorDriverRunResult result, Compilation output) = Run(source);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.GeneratedCodeProblems(output));
        Assembly assembly = CompiledConsumer.Load(output);
        return methods.Select(method => (IMeasurementEvent)CompiledConsumer.Invoke(assembly, "Sample", method)!).ToList();
    }

    public static IMeasurementEvent Make(string source) => MakeAll(source, "Make")[0];
}
