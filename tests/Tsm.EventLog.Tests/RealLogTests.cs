using Tsm.EventLog.Registers;
using Tsm.EventLog.Tests.Infrastructure;
using Tsm.EventLog.Verification;

namespace Tsm.EventLog.Tests;

/// <summary>Every real log parses, replays, and — with one documented exception — every event's data agrees with its digest.</summary>
public sealed class RealLogTests
{
    [SampleDataTheory]
    [MemberData(nameof(Logs.All), MemberType = typeof(Logs))]
    public void Every_real_log_reads_and_replays_and_its_events_are_described(string file)
    {
        EventLogFile log = Logs.Read(file);

        Assert.NotEmpty(log.Replay());
        Assert.All(log.Describe(), e => Assert.False(string.IsNullOrEmpty(e.Description)));
    }

    [SampleDataTheory]
    [MemberData(nameof(Logs.All), MemberType = typeof(Logs))]
    public void Events_whose_type_defines_their_digest_agree_with_their_data(string file)
    {
        EventLogFile log = Logs.Read(file);

        var disagreements = Disagreements(log);

        // goeventlog_debian-10.bin event 23 is the one exception in the data: an old shim's EV_EFI_VARIABLE_AUTHORITY
        // for its vendor certificate ("Shim"), whose SHA-1 digest is not the hash of the UEFI_VARIABLE_DATA that PFP Table 9 requires.
        Assert.Equal(file == Logs.Debian10 ? ["pcr7 event 23 EV_EFI_VARIABLE_AUTHORITY"] : [], disagreements);
    }

    private static List<string> Disagreements(EventLogFile log)
    {
        var found = new List<string>();
        foreach (var value in log.Replay())
        {
            foreach (ExplainedEvent e in LogVerifier.Explain([log], new ExpectedRegister(value.Register, value.Bank, value.Value)))
            {
                string entry = $"{value.Register.Name} event {e.Number} {e.TypeName}";
                if (e.DataDigestAgrees == false && !found.Contains(entry))
                {
                    found.Add(entry);
                }
            }
        }

        return found;
    }
}
