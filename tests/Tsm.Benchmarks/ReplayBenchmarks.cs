using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Tsm;
using Tsm.EventLog;
using Tsm.EventLog.Tcg;

namespace Tsm.Benchmarks;

/// <summary>
/// Replay of the largest real logs against its bound: the same hash work done by raw <c>SHA*.HashData</c> calls (one
/// call over old ‖ digest per extend, so the same number of compressions), with no parsing, mapping or bookkeeping.
/// Goal: replay at least 0.8× the bound's speed (ratio at most 1.25) and no allocation per event. <c>Enumerate</c>
/// is the reader alone: a zero-copy walk over every event and digest.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private readonly byte[] _input = new byte[128];
    private readonly byte[] _output = new byte[64];
    private byte[] _bytes = null!;
    private EventLogFile _log = null!;
    private (MeasurementHash Bank, int Size)[] _extends = null!;

    /// <summary>The TPM log with the most extends (83 events × 3 banks) and the CCEL with the most events (99).</summary>
    [Params("eventlog/tpm/goeventlog_rhel8-uefi.bin", "eventlog/ccel/ccapi_ccel_data.bin")]
    public string Log { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ParseSampleData.Read(Log);
        _log = EventLogFile.Read(_bytes);
        var extends = new List<(MeasurementHash, int)>();
        foreach (TcgEvent e in TcgLog.Read(_bytes))
        {
            if (!e.IsSpecIdHeader && e.Type != TcgEventType.NoAction)
            {
                foreach (TcgDigest digest in e.Digests)
                {
                    extends.Add((digest.Algorithm.ToMeasurementHash(), digest.Bytes.Length));
                }
            }
        }

        _extends = [.. extends];
    }

    [Benchmark(Baseline = true, Description = "bound: SHA*.HashData(old ‖ digest) per extend")]
    public int HashBound()
    {
        int total = 0;
        foreach ((MeasurementHash bank, int size) in _extends)
        {
            ReadOnlySpan<byte> input = _input.AsSpan(0, 2 * size);
            total += bank switch
            {
                MeasurementHash.Sha1 => SHA1.HashData(input, _output),
                MeasurementHash.Sha256 => SHA256.HashData(input, _output),
                MeasurementHash.Sha384 => SHA384.HashData(input, _output),
                _ => SHA512.HashData(input, _output),
            };
        }

        return total;
    }

    [Benchmark(Description = "EventLogFile.Replay()")]
    public int Replay() => _log.Replay().Count;

    [Benchmark(Description = "TcgLog.Read + enumerate events and digests")]
    public int Enumerate()
    {
        int total = 0;
        foreach (TcgEvent e in TcgLog.Read(_bytes))
        {
            foreach (TcgDigest digest in e.Digests)
            {
                total += digest.Bytes[0];
            }
        }

        return total;
    }
}
