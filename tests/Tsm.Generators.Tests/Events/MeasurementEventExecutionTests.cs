using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace Tsm.Generators.Tests.Events;

/// <summary>The generated <c>Content()</c>, compiled and run: the exact canonical text, for every supported member type.</summary>
public sealed class MeasurementEventExecutionTests
{
    private const string Digest = "sha256:9d75f0d7c398df565d7ac04c6819b62d6d8f9560f5eb4672596ecd8f7e96ae91";

    private const string PullImage = $$"""
        namespace Coco
        {
            [MeasurementEvent("github.com/confidential-containers", "PullImage")]
            public sealed partial record PullImage(string Image, string Digest);
        }

        public static class Sample
        {
            public static IMeasurementEvent Make() => new Coco.PullImage("docker.io/library/busybox:1.36", "{{Digest}}");
        }
        """;

    [Fact]
    public void The_CoCo_PullImage_event_is_its_RFC_8785_JSON_byte_for_byte()
    {
        IMeasurementEvent pull = EventGeneration.Make(PullImage);

        Assert.Equal("github.com/confidential-containers", pull.Domain);
        Assert.Equal("PullImage", pull.Operation);
        Assert.Equal(
            Encoding.UTF8.GetBytes($$"""{"digest":"{{Digest}}","image":"docker.io/library/busybox:1.36"}"""),
            Encoding.UTF8.GetBytes(pull.Content()));
    }

    [Fact]
    public void The_event_log_line_of_PullImage_hashes_to_the_expected_SHA_256()
    {
        IMeasurementEvent pull = EventGeneration.Make(PullImage);
        string line = $"{pull.Domain} {pull.Operation} {pull.Content()}";
        string expectedLine = $$"""github.com/confidential-containers PullImage {"digest":"{{Digest}}","image":"docker.io/library/busybox:1.36"}""";

        Assert.Equal(expectedLine, line);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(expectedLine)), SHA256.HashData(Encoding.ASCII.GetBytes(line)));
        Assert.Equal("3064c3144dda9fe92ae1dbe5c4600a619003368feca0cf3171bc08b63ba41890", Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(line))));
    }

    [Fact]
    public void Every_supported_member_type_is_written_in_UTF_16_code_unit_order()
    {
        IMeasurementEvent e = EventGeneration.Make("""
            [MeasurementEvent("example.com", "All")]
            public sealed partial record All(
                string Text, string? Missing, bool Flag, bool? NoFlag, sbyte S8, short S16, int S32, long S64,
                byte U8, ushort U16, uint U32, ulong U64, int? Count, long? NoCount,
                string[] Names, IReadOnlyList<int?> Numbers, IReadOnlyList<string>? NoList,
                [property: JsonPropertyName("\uFB33")] int Dalet, [property: JsonPropertyName("\uD83D\uDE00")] int Grin,
                [property: JsonPropertyName("URL")] string Url, string IOPath);

            public static class Sample
            {
                public static IMeasurementEvent Make() => new All(
                    "a\"\\\n\u0001", null, true, null, -8, -16, -32, -9007199254740991,
                    8, 16, 32, 9007199254740991, 7, null,
                    new[] { "x", "y" }, new int?[] { 1, null, -1 }, null, 1, 2, "https://example.com/", "/p");
            }
            """);

        Assert.Equal(
            "{\"URL\":\"https://example.com/\",\"count\":7,\"flag\":true,\"ioPath\":\"/p\",\"missing\":null,\"names\":[\"x\",\"y\"],\"noCount\":null,\"noFlag\":null,\"noList\":null,"
            + "\"numbers\":[1,null,-1],\"s16\":-16,\"s32\":-32,\"s64\":-9007199254740991,\"s8\":-8,\"text\":\"a\\\"\\\\\\n\\u0001\","
            + "\"u16\":16,\"u32\":32,\"u64\":9007199254740991,\"u8\":8,\"\ud83d\ude00\":2,\"\ufb33\":1}",
            e.Content());
    }

    [Fact]
    public void Nested_records_and_record_structs_are_objects_with_their_own_sorted_members()
    {
        IMeasurementEvent e = EventGeneration.Make("""
            public sealed record Mount(string Source, [property: JsonPropertyName("dst")] string Target, bool ReadOnly);

            public readonly record struct Limit(ulong Bytes, Limit2? Inner);

            public readonly record struct Limit2(int Depth);

            [MeasurementEvent("example.com/workload", "StartContainer")]
            public readonly partial record struct StartContainer(Mount[] Mounts, Mount? Root, Limit Memory, Limit? Cpu, IReadOnlyList<Limit?> Extra);

            public static class Sample
            {
                public static IMeasurementEvent Make() => new StartContainer(
                    new[] { new Mount("/a", "/b", true), new Mount("/c", "/d", false) },
                    null,
                    new Limit(4096, new Limit2(2)),
                    null,
                    new Limit?[] { null, new Limit(1, null) });
            }
            """);

        Assert.Equal(
            """{"cpu":null,"extra":[null,{"bytes":1,"inner":null}],"memory":{"bytes":4096,"inner":{"depth":2}},"mounts":[{"dst":"/b","readOnly":true,"source":"/a"},{"dst":"/d","readOnly":false,"source":"/c"}],"root":null}""",
            e.Content());
    }

    [Fact]
    public void Classes_structs_and_events_nested_in_partial_types_or_the_global_namespace_are_generated()
    {
        IReadOnlyList<IMeasurementEvent> events = EventGeneration.MakeAll("""
            public static partial class Outer<T>
            {
                public partial struct Middle
                {
                    [MeasurementEvent("d", "o")]
                    public sealed partial class Inner
                    {
                        public string Name { get; init; } = "n";
                        public static int Ignored => 1;
                        internal int Hidden => 2;
                        public int WriteOnly { set { } }
                        public int this[int i] => i;
                    }
                }
            }

            [MeasurementEvent("d", "s")]
            public partial struct Plain
            {
                public int Value { get; set; }
            }

            public static class Sample
            {
                public static IMeasurementEvent Make() => new Outer<int>.Middle.Inner();

                public static IMeasurementEvent MakePlain() => new Plain { Value = 3 };
            }
            """,
            "Make",
            "MakePlain");

        Assert.Equal("""{"name":"n"}""", events[0].Content());
        Assert.Equal(("d", "o"), (events[0].Domain, events[0].Operation));
        Assert.Equal("""{"value":3}""", events[1].Content());
        Assert.Equal(("d", "s"), (events[1].Domain, events[1].Operation));
    }

    [Fact]
    public void A_derived_event_measures_the_properties_it_inherits_once_each()
    {
        IMeasurementEvent e = EventGeneration.Make("""
            public abstract record Base(string Kind)
            {
                public virtual int Version => 1;
            }

            [MeasurementEvent("d", "o")]
            public sealed partial record Derived(string Name) : Base("derived")
            {
                public override int Version => 2;
            }

            public static class Sample
            {
                public static IMeasurementEvent Make() => new Derived("n");
            }
            """);

        Assert.Equal("""{"kind":"derived","name":"n","version":2}""", e.Content());
    }

    [Fact]
    public void An_event_whose_full_name_is_a_vendor_report_hint_is_generated_beside_the_vendor_class()
    {
        string tdx = Path.Combine(Infrastructure.RepositoryPaths.Schemas, "tdx.tsm.json");
        (GeneratorDriverRunResult result, Compilation output) = Infrastructure.GeneratorHarness.Run(
            [Infrastructure.GeneratorHarness.Schema(tdx, File.ReadAllText(tdx))],
            EventGeneration.Usings + """
                namespace Tdx;

                [MeasurementEvent("d", "o")]
                public sealed partial record TdQuote(string Name);
                """);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(Infrastructure.GeneratorHarness.Errors(output));
        string[] hints = result.Results.Single().GeneratedSources.Select(static s => s.HintName).ToArray();
        Assert.Contains("Tdx.TdQuote.g.cs", hints);
        Assert.Contains("Tdx.TdQuote-Event.g.cs", hints);
    }

    [Fact]
    public void A_type_with_its_own_Content_member_gets_Content_as_an_explicit_interface_implementation()
    {
        IMeasurementEvent e = EventGeneration.Make("""
            [MeasurementEvent("example.com", "Note")]
            public sealed partial record Note(string Content, string Domain, string Operation);

            public static class Sample
            {
                public static IMeasurementEvent Make() => new Note("c", "d", "o");
            }
            """);

        Assert.Equal("""{"content":"c","domain":"d","operation":"o"}""", e.Content());
        Assert.Equal(("example.com", "Note"), (e.Domain, e.Operation));
    }

    [Fact]
    public void An_integer_outside_the_safe_range_throws_naming_the_member()
    {
        IMeasurementEvent e = EventGeneration.Make("""
            [MeasurementEvent("d", "o")]
            public sealed partial record Sizes(long Size, ulong[] Counts);

            public static class Sample
            {
                public static IMeasurementEvent Make() => new Sizes(1, new ulong[] { 1, 9007199254740992 });
            }
            """);

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(e.Content);
        Assert.Equal("Counts", error.ParamName);
        Assert.Contains("IEEE doubles", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Image", "image")]
    [InlineData("URL", "url")]
    [InlineData("URLValue", "urlValue")]
    [InlineData("IOStream", "ioStream")]
    [InlineData("ID", "id")]
    [InlineData("Id", "id")]
    [InlineData("X", "x")]
    [InlineData("already", "already")]
    [InlineData("ÉTat", "éTat")]
    [InlineData("ABC1", "abC1")]
    public void Member_names_are_camelCase_as_System_Text_Json_names_them(string property, string expected)
    {
        Assert.Equal(expected, Tsm.Generators.Events.JsonNames.CamelCase(property));
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(property), Tsm.Generators.Events.JsonNames.CamelCase(property));
    }
}
