using Tsm.EventLog.Tcg;

namespace Tsm.EventLog.Tests;

/// <summary>Replay allocates per register bank (its slot and result), never per event: docs/performance.md.</summary>
public sealed class ReplayAllocationTests
{
    [Fact]
    public void Replaying_a_hundred_times_more_events_into_the_same_registers_allocates_the_same()
    {
        EventLogFile small = Log(events: 10);
        EventLogFile large = Log(events: 1000);
        small.Replay();
        large.Replay();

        long smallBytes = Allocated(small);
        long largeBytes = Allocated(large);

        Assert.Equal(smallBytes, largeBytes);
    }

    private static long Allocated(EventLogFile log)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        log.Replay();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static EventLogFile Log(int events)
    {
        TcgLogWriter writer = TcgLogWriter.CreateCryptoAgile(SpecIdEvent.Encode([new SpecIdAlgorithm(TpmAlgorithm.Sha1, 20), new SpecIdAlgorithm(TpmAlgorithm.Sha256, 32)]));
        for (int i = 0; i < events; i++)
        {
            writer.Append((uint)(i % 8), TcgEventType.Separator, [AgileDigest.Compute(MeasurementHash.Sha1, [0, 0, 0, 0]), AgileDigest.Compute(MeasurementHash.Sha256, [0, 0, 0, 0])], [0, 0, 0, 0]);
        }

        return EventLogFile.Read(writer.ToArray());
    }
}
