using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Events;

/// <summary>
/// The generated part of one event type that uses every shape of member (nested in a partial class, a nested record,
/// lists, nullable values, a JSON name override) is committed under EventBaselines/, so a change to the emitter is a
/// reviewable diff; set TSM_UPDATE_BASELINES=1 to rewrite it after an intended change.
/// </summary>
public sealed class MeasurementEventGoldenFileTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Tsm;

        namespace Example.Events;

        public static partial class Workload
        {
            [MeasurementEvent("example.com/workload", "StartContainer")]
            public sealed partial record StartContainer(
                string Image,
                IReadOnlyList<string> Arguments,
                ulong? MemoryLimit,
                bool Privileged,
                Mount[] Mounts,
                Mount? Root,
                int?[] Ports);
        }

        public sealed record Mount(string Source, [property: JsonPropertyName("dst")] string Target, bool ReadOnly);
        """;

    private static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "Tsm.Generators.Tests", "EventBaselines");

    [Fact]
    public void The_generated_event_part_matches_the_committed_baseline()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run([], Source);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.Errors(output));
        Assert.Empty(GeneratorHarness.GeneratedCodeProblems(output));
        GeneratedSourceResult generated = Assert.Single(result.Results.Single().GeneratedSources);
        Assert.Equal("Example.Events.Workload+StartContainer-Event.g.cs", generated.HintName);
        GoldenFile.AssertMatches(Path.Combine(Directory, generated.HintName), generated.SourceText.ToString());
    }

    [Fact]
    public void Every_event_baseline_belongs_to_the_golden_event()
    {
        Assert.Equal(["Example.Events.Workload+StartContainer-Event.g.cs"], System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName));
    }
}
