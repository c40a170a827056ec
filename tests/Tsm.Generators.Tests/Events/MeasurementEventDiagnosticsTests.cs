using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Tests.Events;

/// <summary>TSM2001-TSM2005, each on the syntax at fault (lines and columns count from 1 in the source as written here).</summary>
public sealed class MeasurementEventDiagnosticsTests
{
    [Fact]
    public void An_event_type_that_is_not_partial_is_reported_on_its_name_and_gets_no_generated_part()
    {
        const string source = """
            [MeasurementEvent("d", "o")]
            public sealed record Pull(string Image);
            """;

        Assert.Equal([("TSM2001", 2, 22)], EventGeneration.Diagnostics(source));
        Assert.Empty(EventGeneration.Run(source).Result.GeneratedTrees);
    }

    [Fact]
    public void A_containing_type_that_is_not_partial_is_reported_on_its_name()
    {
        const string source = """
            public static class Outer
            {
                [MeasurementEvent("d", "o")]
                public sealed partial record Pull(string Image);
            }
            """;

        Assert.Equal([("TSM2005", 1, 21)], EventGeneration.Diagnostics(source));
        Assert.Contains("'Outer' contains the measurement event 'Pull'", EventGeneration.Run(source).Result.Diagnostics.Single().GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"", "\"o\"", 19, "it is empty")]
    [InlineData("\"a b\"", "\"o\"", 19, "holds a space")]
    [InlineData("\"d\"", "\"Pull\\u00e9\"", 24, "not printable ASCII")]
    [InlineData("\"d\"", "\"Pull\\t\"", 24, "not printable ASCII")]
    [InlineData("\"INIT\"", "\"o\"", 19, "INIT line")]
    [InlineData("null", "\"o\"", 19, "it is empty")]
    public void A_domain_or_operation_outside_the_event_log_grammar_is_reported_on_its_argument(string domain, string operation, int column, string reason)
    {
        string source = $$"""
            [MeasurementEvent({{domain}}, {{operation}})]
            public sealed partial record Pull(string Image);
            """;

        (string Id, int Line, int Column) reported = Assert.Single(EventGeneration.Diagnostics(source));
        Assert.Equal(("TSM2002", 1, column), reported);
        Assert.Contains(reason, EventGeneration.Run(source).Result.Diagnostics.Single().GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Named_attribute_arguments_are_checked_by_name_whatever_their_order()
    {
        const string source = """
            [MeasurementEvent(operation: "o", domain: "a b")]
            public sealed partial record Pull(string Image);
            """;

        Assert.Equal([("TSM2002", 1, 35)], EventGeneration.Diagnostics(source));
    }

    [Theory]
    [InlineData("double", "IEEE doubles")]
    [InlineData("float", "IEEE doubles")]
    [InlineData("decimal?", "IEEE doubles")]
    [InlineData("IReadOnlyList<double>", "IEEE doubles")]
    [InlineData("DateTime", "supported are")]
    [InlineData("char", "supported are")]
    [InlineData("int[,]", "supported are")]
    [InlineData("List<int>", "supported are")]
    [InlineData("Plain", "supported are")]
    [InlineData("Other", "not itself a [MeasurementEvent]")]
    public void A_member_without_a_canonical_encoding_is_reported_on_the_member(string type, string reason)
    {
        string source = $$"""
            [MeasurementEvent("d", "o")]
            public sealed partial record Pull(string Image, {{type}} Value);
            public sealed class Plain { public int X { get; } }
            [MeasurementEvent("d", "p")]
            public sealed partial record Other(int X);
            """;

        (GeneratorDriverRunResult result, Compilation output) = EventGeneration.Run(source);

        Diagnostic reported = Assert.Single(result.Diagnostics, static d => d.Id != "TSM2003" || d.GetMessage().Contains("'Value", StringComparison.Ordinal));
        Assert.Equal("TSM2003", reported.Id);
        Assert.Equal(2, reported.Location.GetLineSpan().StartLinePosition.Line + 1 - EventGeneration.Usings.Count(static c => c == '\n'));
        Assert.Contains(reason, reported.GetMessage(), StringComparison.Ordinal);

        // The part is still generated, without the member, so code that uses the event does not fail as well.
        string generated = result.GeneratedTrees.Single(static t => t.FilePath.EndsWith("Pull-Event.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("writer.WritePropertyName(\"image\");", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"value\"", generated, StringComparison.Ordinal);
        Assert.Empty(Infrastructure.GeneratorHarness.GeneratedCodeProblems(output));
    }

    [Fact]
    public void A_member_of_a_nested_record_without_an_encoding_is_reported_on_the_event_member_with_its_path()
    {
        const string source = """
            public sealed record Layer(string Digest, double Ratio);
            [MeasurementEvent("d", "o")]
            public sealed partial record Pull(string Image, Layer[] Layers);
            """;

        Diagnostic reported = Assert.Single(EventGeneration.Run(source).Result.Diagnostics);
        Assert.Equal("TSM2003", reported.Id);
        Assert.Contains("Member 'Layers.Ratio' of type 'double'", reported.GetMessage(), StringComparison.Ordinal);
        Assert.Equal([("TSM2003", 3, 57)], EventGeneration.Diagnostics(source));
    }

    [Fact]
    public void A_nested_record_that_contains_itself_is_reported_at_the_member_that_closes_the_loop()
    {
        const string source = """
            public sealed record Loop(int X, IReadOnlyList<Loop> Next);
            [MeasurementEvent("d", "o")]
            public sealed partial record Pull(Loop Chain);
            """;

        Diagnostic reported = Assert.Single(EventGeneration.Run(source).Result.Diagnostics);
        Assert.Equal("TSM2003", reported.Id);
        Assert.Contains("Member 'Chain.Next' of type 'System.Collections.Generic.IReadOnlyList<Loop>' cannot be measured: the record contains itself", reported.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_members_with_the_same_JSON_name_are_reported_on_the_second()
    {
        const string source = """
            [MeasurementEvent("d", "o")]
            public sealed partial record Pull(string Image, [property: JsonPropertyName("image")] string Other);
            """;

        Assert.Equal([("TSM2004", 2, 94)], EventGeneration.Diagnostics(source));
        Assert.Contains("Members 'Image' and 'Other' both have the JSON name \"image\"", EventGeneration.Run(source).Result.Diagnostics.Single().GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_event_reports_nothing()
    {
        Assert.Empty(EventGeneration.Diagnostics("""
            [MeasurementEvent("github.com/confidential-containers", "PullImage")]
            public sealed partial record Pull(string Image, string Digest);
            """));
    }
}
