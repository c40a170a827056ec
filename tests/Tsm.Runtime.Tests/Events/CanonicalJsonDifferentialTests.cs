using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tsm.Runtime.Tests.Events;

/// <summary>
/// Random values of strings, integers, booleans, nulls, arrays and objects, canonicalised and checked against
/// System.Text.Json: its parser reads the canonical text back to the same value, canonicalising that again changes
/// nothing, and System.Text.Json's own (differently escaped) serialisation canonicalises to the same text.
/// </summary>
public sealed class CanonicalJsonDifferentialTests
{
    private const int Cases = 400;

    // Characters chosen for the rules: every escape, controls, '/', DEL, Latin-1, BMP letters above the surrogates,
    // U+2028, and surrogate pairs, whose code units sort below U+E000..U+FFFF though their code points are above.
    private static readonly string[] Pieces =
    [
        "a", "B", "z", "0", " ", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u0001", "\u001f", "\u007f",
        "\u0080", "\u00e9", "\u00f6", "\u20ac", "\u2028", "\ufb33", "\uffee", "\ud83d\ude00", "\ud800\udc00", "\udbff\udfff",
    ];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 4).Select(static i => 20261202 + i));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void System_Text_Json_reads_the_canonical_text_back_to_the_value_written(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < Cases; i++)
        {
            JsonNode? value = Value(random, depth: 0);
            string canonical = Canonical(value);

            Assert.True(JsonNode.DeepEquals(value, JsonNode.Parse(canonical)), canonical);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Canonicalising_the_parsed_canonical_text_again_changes_nothing(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < Cases; i++)
        {
            string canonical = Canonical(Value(random, depth: 0));

            Assert.Equal(canonical, SystemTextJsonCanonicaliser.Canonicalise(canonical));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void System_Text_Json_serialisations_of_a_value_canonicalise_to_the_same_text(int seed)
    {
        var random = new Random(seed);
        var indented = new JsonSerializerOptions { WriteIndented = true };
        for (int i = 0; i < Cases; i++)
        {
            JsonNode? value = Value(random, depth: 0);
            string canonical = Canonical(value);

            Assert.Equal(canonical, SystemTextJsonCanonicaliser.Canonicalise(value?.ToJsonString() ?? "null"));
            Assert.Equal(canonical, SystemTextJsonCanonicaliser.Canonicalise(value?.ToJsonString(indented) ?? "null"));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_object_in_the_canonical_text_lists_its_members_in_UTF_16_code_unit_order(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < Cases; i++)
        {
            using JsonDocument document = JsonDocument.Parse(Canonical(Value(random, depth: 0)));
            AssertOrdered(document.RootElement);
        }
    }

    [Fact]
    public void A_non_BMP_key_sorts_by_its_high_surrogate_before_keys_from_U_E000_up()
    {
        JsonObject value = new() { ["\ufb33"] = 1, ["\ud83d\ude00"] = 2, ["\u00e9"] = 3 };

        Assert.Equal("{\"\u00e9\":3,\"\ud83d\ude00\":2,\"\ufb33\":1}", Canonical(value));
    }

    private static string Canonical(JsonNode? value)
    {
        var writer = new CanonicalJsonWriter();
        using JsonDocument document = JsonDocument.Parse(value?.ToJsonString() ?? "null");
        SystemTextJsonCanonicaliser.Write(writer, document.RootElement);
        return writer.ToJson();
    }

    private static void AssertOrdered(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            string[] names = element.EnumerateObject().Select(static p => p.Name).ToArray();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
            foreach (JsonProperty property in element.EnumerateObject())
            {
                AssertOrdered(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                AssertOrdered(item);
            }
        }
    }

    private static JsonNode? Value(Random random, int depth)
    {
        switch (random.Next(depth >= 3 ? 4 : 6))
        {
            case 0:
                return JsonValue.Create(Text(random));
            case 1:
                return JsonValue.Create(random.NextInt64(-CanonicalJsonWriter.MaxSafeInteger, CanonicalJsonWriter.MaxSafeInteger + 1) >> random.Next(54));
            case 2:
                return JsonValue.Create(random.Next(2) == 0);
            case 3:
                return null;
            case 4:
                var array = new JsonArray();
                for (int i = random.Next(5); i > 0; i--)
                {
                    array.Add(Value(random, depth + 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (int i = random.Next(6); i > 0; i--)
                {
                    obj[Text(random)] = Value(random, depth + 1);
                }

                return obj;
        }
    }

    private static string Text(Random random)
    {
        var text = new System.Text.StringBuilder();
        for (int i = random.Next(6); i > 0; i--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }
}
