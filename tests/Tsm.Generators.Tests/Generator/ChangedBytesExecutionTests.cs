using System.Reflection;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// A nested view is built on each read from the bytes as they are then. A caller that changes the bytes after the parse
/// (against the contract: keep them unchanged while a view is used) can so shrink a nested layout below its fixed
/// part; reading it then throws an <see cref="InvalidOperationException"/> that says so, instead of reading past it.
/// </summary>
public sealed class ChangedBytesExecutionTests
{
    private const string Schema = """
        {
          "vendor": "acme",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme/measurements" },
          "registers": [ { "name": "m", "hash": "sha256", "flags": ["readable"] } ],
          "reports": [
            { "name": "outer", "size": 16, "fields": [
              { "name": "mid", "offset": 0, "size": 16, "type": "layout", "layout": "mid" }
            ] },
            { "name": "mid", "size": 2, "fields": [
              { "name": "n", "offset": 0, "size": 1, "type": "u8" },
              { "name": "m", "offset": 1, "size": 1, "type": "u8" },
              { "name": "inner", "offset": 2, "sizeFrom": "n", "type": "layout", "layout": "inner" },
              { "name": "rest", "after": "inner", "sizeFrom": "m", "type": "bytes" }
            ] },
            { "name": "inner", "size": 2, "fields": [
              { "name": "first", "offset": 0, "size": 1, "type": "u8" },
              { "name": "last", "offset": 1, "size": 1, "type": "u8" }
            ] }
          ]
        }
        """;

    private const string Consumer = """
        using System;
        using Tsm.Vendors;

        public static class Probe
        {
            public static string InnerAfterShrinking(byte[] data)
            {
                Outer outer = Outer.Parse(data);
                int before = outer.Mid.Inner.Length;
                data[0] = 1;
                try
                {
                    return before + " " + outer.Mid.Inner.Length;
                }
                catch (InvalidOperationException error)
                {
                    return before + " " + error.Message;
                }
            }
        }
        """;

    [Fact]
    public void A_nested_view_shrunk_below_its_fixed_part_after_the_parse_throws_instead_of_reading_past_it()
    {
        (GeneratorDriverRunResult result, Compilation output) = GeneratorHarness.Run(new[] { GeneratorHarness.Schema("/p/acme.tsm.json", Schema) }, Consumer);
        Assert.Empty(result.Diagnostics);
        Assembly compiled = CompiledConsumer.Load(output);
        byte[] data = new byte[16];
        data[0] = 2;
        data[1] = 12;

        string outcome = (string)CompiledConsumer.Invoke(compiled, "Probe", "InnerAfterShrinking", data)!;

        Assert.Equal("2 The bytes of Inner changed after they were parsed and no longer hold its fixed part; a view reads the bytes in place, so keep them unchanged while it is used.", outcome);
    }
}
