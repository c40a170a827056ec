using System.Formats.Cbor;
using Microsoft.CodeAnalysis;
using Tsm.Generators.Tests.Infrastructure;

namespace Tsm.Generators.Tests.Generator;

/// <summary>
/// Claim sets of a schema no generator code knows are compiled and run: every claim type, optional claims, nested
/// claim sets, and register links that give claims the register's value type, lengths and element count.
/// </summary>
public sealed class ClaimSetExecutionTests
{
    private const string Schema = """
        {
          "vendor": "acme-tee",
          "displayName": "Acme TEE",
          "device": { "sysfs": "/sys/class/misc/acme_tee/measurements" },
          "registers": [
            { "name": "pmr", "count": 2, "hash": "sha384", "flags": ["readable"] },
            { "name": "boot_id", "hash": "none", "size": 32, "flags": ["readable"] }
          ],
          "claimSets": [
            {
              "name": "evidence", "typeName": "AcmeEvidence",
              "claims": [
                { "name": "nonce", "propertyName": "Nonce", "key": -1, "type": "bytes", "size": 8 },
                { "name": "bootid", "propertyName": "BootId", "key": 3, "type": "bytes", "register": "boot_id" },
                { "name": "pmrs", "propertyName": "Pmrs", "key": 4, "type": "bytes-array", "register": "pmr" },
                { "name": "pmr1", "propertyName": "Pmr1", "key": 5, "type": "bytes", "register": "pmr1", "optional": true },
                { "name": "firmware", "propertyName": "Firmware", "key": 6, "type": "claim-set-array", "claimSet": "component" },
                { "name": "count", "propertyName": "Count", "key": 7, "type": "integer", "optional": true },
                { "name": "label", "propertyName": "Label", "key": 8, "type": "text" }
              ]
            },
            {
              "name": "component", "typeName": "AcmeComponent",
              "claims": [
                { "name": "digest", "propertyName": "Digest", "key": 1, "type": "bytes", "size": 4 },
                { "name": "tags", "propertyName": "Tags", "key": 2, "type": "bytes-array", "optional": true }
              ]
            }
          ]
        }
        """;

    private const string Consumer = """
        using System;
        using System.Collections.Generic;
        using Tsm;
        using Tsm.Vendors;

        public static class Probe
        {
            public static string Read(byte[] map)
            {
                if (!AcmeEvidence.TryParse(map, out AcmeEvidence? evidence))
                {
                    try
                    {
                        AcmeEvidence.Parse(map);
                        return "TryParse and Parse disagree";
                    }
                    catch (ReportFormatException e)
                    {
                        return e.Offset + ": " + e.Reason;
                    }
                }

                Sha384Digest pmr0 = evidence.Pmrs[0];
                Opaque32 bootId = evidence.BootId;
                var names = new Names();
                evidence.VisitFields(names);
                return string.Join("|", Convert.ToHexString(evidence.Nonce.Span), bootId, pmr0, evidence.Pmr1?.ToString() ?? "none",
                    Convert.ToHexString(evidence.Firmware[0].Digest.Span), evidence.Firmware[0].Tags?.Count.ToString() ?? "none",
                    evidence.Count?.ToString() ?? "none", evidence.Label, string.Join(",", names.Seen));
            }

            // Implements no Text: text claims arrive as their UTF-8 bytes.
            private sealed class Names : IReportFieldVisitor
            {
                public List<string> Seen { get; } = new();
                public void Integer(string name, ulong value) => Seen.Add(name + "=" + value);
                public void Bytes(string name, ReadOnlySpan<byte> value) => Seen.Add(name + ":" + value.Length);
                public void BeginNested(string name, string typeName) => Seen.Add(name + "<" + typeName);
                public void EndNested() => Seen.Add(">");
            }
        }
        """;

    [Fact]
    public void A_claim_map_parses_into_typed_claims_and_visits_them_all()
    {
        string result = Run(Map());

        Assert.Equal(
            string.Join("|",
                "0102030405060708",
                new string('0', 64),
                string.Concat(Enumerable.Repeat("77", 48)),
                "none",
                "0A0B0C0D",
                "none",
                "none",
                "acme",
                "nonce:8,bootid:32,pmrs<Sha384Digest[],0:48,1:48,>,firmware<AcmeComponent[],0<AcmeComponent,digest:4,>,>,label:4"),
            result);
    }

    [Fact]
    public void Optional_claims_appear_when_the_map_has_them()
    {
        string[] values = Run(Map(w =>
        {
            w.WriteInt32(5);
            w.WriteByteString(Enumerable.Repeat((byte)0x55, 48).ToArray());
            w.WriteInt32(7);
            w.WriteUInt64(42);
        }, extraEntries: 2)).Split('|');

        Assert.Equal(string.Concat(Enumerable.Repeat("55", 48)), values[3]);
        Assert.Equal("42", values[6]);
        Assert.Contains("count=42", values[8], StringComparison.Ordinal);
    }

    [Fact]
    public void A_register_array_claim_with_too_few_items_is_rejected_at_the_array()
    {
        byte[] map = Map(pmrCount: 1);

        string result = Run(map);

        Assert.EndsWith(": claim 'pmrs' (key 4) of AcmeEvidence has 1 items; register array 'pmr' has 2", result, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_linked_to_a_register_must_have_the_registers_size()
    {
        byte[] map = Map(bootIdLength: 31);

        string result = Run(map);

        // a5 (map), 20 (key -1), 48 + 8 nonce bytes, 03 (key 3): the boot id starts at byte 12.
        Assert.Equal("12: claim 'bootid' (key 3) of AcmeEvidence is 31 bytes; register 'boot_id' values are 32 bytes", result);
    }

    private static string Run(byte[] map)
    {
        (GeneratorDriverRunResult run, Compilation output) = GeneratorHarness.Run(new[] { GeneratorHarness.Schema("/project/acme.tsm.json", Schema) }, Consumer);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.GeneratedCodeProblems(output));
        return (string)CompiledConsumer.Invoke(CompiledConsumer.Load(output), "Probe", "Read", map)!;
    }

    /// <summary>
    /// <c>{-1: nonce, 3: boot id, 4: [pmr0, pmr1], 6: [{1: digest}], 8: "acme"}</c>, plus the entries
    /// <paramref name="extra"/> writes.
    /// </summary>
    private static byte[] Map(Action<CborWriter>? extra = null, int extraEntries = 0, int pmrCount = 2, int bootIdLength = 32)
    {
        var w = new CborWriter();
        w.WriteStartMap(5 + extraEntries);
        w.WriteInt32(-1);
        w.WriteByteString([1, 2, 3, 4, 5, 6, 7, 8]);
        w.WriteInt32(3);
        w.WriteByteString(new byte[bootIdLength]);
        w.WriteInt32(4);
        w.WriteStartArray(pmrCount);
        for (int i = 0; i < pmrCount; i++)
        {
            w.WriteByteString(Enumerable.Repeat((byte)0x77, 48).ToArray());
        }

        w.WriteEndArray();
        w.WriteInt32(6);
        w.WriteStartArray(1);
        w.WriteStartMap(1);
        w.WriteInt32(1);
        w.WriteByteString([0x0A, 0x0B, 0x0C, 0x0D]);
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteInt32(8);
        w.WriteTextString("acme");
        extra?.Invoke(w);
        w.WriteEndMap();
        return w.Encode();
    }
}
