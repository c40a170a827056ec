using System.Text.Json;
using Tsm.EventLog.Replay;
using Tsm.EventLog.Tests.Infrastructure;

namespace Tsm.EventLog.Tests;

/// <summary>
/// Our decoding of trustee's CCELs agrees with the JSON its tests expect (trustee deps/eventlog/src/lib.rs
/// <c>test_query_digest</c> l.387-410, MANIFEST §5a): per event the CC MR index, the type name, the digest, the
/// UEFI variable name and the AAEL fields.
/// </summary>
public sealed class TrusteeDecodeTests
{
    [SampleDataTheory]
    [InlineData(Logs.TrusteeCcel, "eventlog/ccel/trustee_CCEL_data_out.json")]
    [InlineData(Logs.TrusteeOvmf, "eventlog/ccel/trustee_CCEL_data_ovmf_out.json")]
    [InlineData(Logs.TrusteeAlibaba, "eventlog/ccel/trustee_CCEL_AAEL_alibabacloud_out.json")]
    public void Every_event_has_the_index_type_and_digest_trustee_expects(string log, string expectedJson)
    {
        using JsonDocument expected = JsonDocument.Parse(SampleData.Read(expectedJson));
        JsonElement[] events = expected.RootElement.GetProperty("uefi_event_logs").EnumerateArray().ToArray();
        IReadOnlyList<LogEventSummary> ours = Logs.Read(log).Describe();

        // trustee lists the events after the Spec ID header.
        Assert.Equal(events.Length, ours.Count - 1);
        for (int i = 0; i < events.Length; i++)
        {
            LogEventSummary e = ours[i + 1];
            JsonElement theirs = events[i];
            uint index = theirs.GetProperty("index").GetUInt32();
            Assert.Equal(index == 0 ? "mrtd" : $"rtmr{index - 1}", e.Register.Name);
            Assert.Equal(theirs.GetProperty("type_name").GetString(), e.TypeName);
            Assert.Equal(theirs.GetProperty("digests")[0].GetProperty("digest").GetString(), e.Digests.Single().Value);
            JsonElement details = theirs.GetProperty("details");
            if (details.TryGetProperty("unicode_name", out JsonElement name) && details.TryGetProperty("variable_name", out _))
            {
                Assert.StartsWith(name.GetString() + " (", e.Description);
            }

            if (details.TryGetProperty("data", out JsonElement aael))
            {
                Assert.Equal("AAEL " + details.GetProperty("string").GetString(), e.Description);
                Assert.Equal($"{aael.GetProperty("domain").GetString()} {aael.GetProperty("operation").GetString()} ", details.GetProperty("string").GetString()![..(aael.GetProperty("domain").GetString()!.Length + aael.GetProperty("operation").GetString()!.Length + 2)]);
            }
        }
    }
}
