using System.Reflection;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// A report ends at the furthest byte any of its fields reaches, and never before its fixed part. The parse keeps
/// that end with an addition where the layout's shape proves a field lies past everything before it (a chain of
/// fields placed one after another) and with a comparison elsewhere; compiled and run here against the definition,
/// for every mix of sizes, with and without trailing bytes allowed.
/// </summary>
public sealed class ReportEndExecutionTests
{
    private const string Schema = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
          "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ],
          "reports": [
            { "name": "exact", "size": 8, "fields": [
              { "name": "a", "offset": 0, "size": 1, "type": "u8" },
              { "name": "b", "offset": 1, "size": 1, "type": "u8" },
              { "name": "x", "offset": 2, "sizeFrom": "a", "type": "bytes" },
              { "name": "y", "after": "x", "sizeFrom": "b", "type": "bytes" },
              { "name": "z", "after": "y", "size": 6, "type": "bytes" },
              { "name": "w", "offset": 10, "size": 4, "type": "bytes", "when": { "field": "a", "equals": 3 } }
            ] },
            { "name": "padded", "size": 8, "trailing": true, "fields": [
              { "name": "a", "offset": 0, "size": 1, "type": "u8" },
              { "name": "b", "offset": 1, "size": 1, "type": "u8" },
              { "name": "x", "offset": 2, "sizeFrom": "a", "type": "bytes" },
              { "name": "y", "after": "x", "sizeFrom": "b", "type": "bytes" },
              { "name": "z", "after": "y", "size": 6, "type": "bytes" },
              { "name": "w", "offset": 10, "size": 4, "type": "bytes", "when": { "field": "a", "equals": 3 } }
            ] },
            { "name": "sized", "size": 4, "fields": [
              { "name": "n", "offset": 0, "size": 1, "type": "u8" },
              { "name": "head", "offset": 1, "size": 3, "type": "bytes" },
              { "name": "tail", "after": "head", "sizeFrom": "n", "type": "bytes" }
            ] }
          ]
        }
        """;

    private const string Consumer = """
        using Tsm.Vendors;

        public static class Probe
        {
            public static int ExactLength(byte[] data) => Exact.TryParse(data, out Exact view) ? view.Length : -1;

            public static int PaddedLength(byte[] data) => Padded.TryParse(data, out Padded view) ? view.Length : -1;

            public static int PaddedTrailing(byte[] data) => Padded.Parse(data).TrailingBytes.Length;

            public static byte[] SizedTail(byte[] data) => Sized.Parse(data).Tail.ToArray();
        }
        """;

    private static readonly Lazy<Assembly> Compiled = new(static () =>
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(new[] { GeneratorHarness.Schema("/p/acme.tsm.json", Schema) }, Consumer);
        Assert.Empty(result.Diagnostics);
        return CompiledConsumer.Load(output);
    });

    public static TheoryData<int, int> Sizes()
    {
        var sizes = new TheoryData<int, int>();
        for (int a = 0; a <= 6; a++)
        {
            for (int b = 0; b <= 5; b++)
            {
                sizes.Add(a, b);
            }
        }

        return sizes;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_report_without_trailing_bytes_is_exactly_as_long_as_its_furthest_field(int a, int b)
    {
        int end = End(a, b);

        Assert.Equal(-1, Length("ExactLength", a, b, end - 1));
        Assert.Equal(end, Length("ExactLength", a, b, end));
        Assert.Equal(-1, Length("ExactLength", a, b, end + 1));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_report_with_trailing_bytes_ends_at_its_furthest_field_and_keeps_the_rest(int a, int b)
    {
        int end = End(a, b);

        Assert.Equal(-1, Length("PaddedLength", a, b, end - 1));
        Assert.Equal(end, Length("PaddedLength", a, b, end));
        Assert.Equal(end, Length("PaddedLength", a, b, end + 5));
        Assert.Equal(5, Length("PaddedTrailing", a, b, end + 5));
    }

    [Fact]
    public void The_last_field_sized_by_another_is_read_with_the_length_its_size_field_gives()
    {
        for (int n = 0; n <= 5; n++)
        {
            byte[] data = new byte[4 + n];
            data[0] = (byte)n;
            for (int i = 4; i < data.Length; i++)
            {
                data[i] = (byte)(0xA0 + i);
            }

            Assert.Equal(data[4..], (byte[])CompiledConsumer.Invoke(Compiled.Value, "Probe", "SizedTail", data)!);
        }
    }

    /// <summary>The definition: the fixed part, x and y back to back from byte 2, z after them, and w at 10..14 when a is 3.</summary>
    private static int End(int a, int b) => Math.Max(Math.Max(8, 2 + a + b + 6), a == 3 ? 14 : 0);

    private static int Length(string probe, int a, int b, int length)
    {
        byte[] data = new byte[length];
        data[0] = (byte)a;
        data[1] = (byte)b;
        return (int)CompiledConsumer.Invoke(Compiled.Value, "Probe", probe, data)!;
    }
}
