using BenchmarkDotNet.Attributes;
using Tsm;
using Tsm.EventLog.Recording;
using Tsm.Testing;
using Tsm.Vendors;

namespace Tsm.Benchmarks;

/// <summary>
/// Records per second with 1, 2 and 8 concurrent writers on one log, each writer its own <c>MeasurementLog</c> (its
/// own flock file description, as separate processes have): <see cref="Records"/> records split among the writers per
/// invocation, so the reported time is per record. The lock serialises append, fsync and extend, so more writers add
/// contention, not throughput; the number to watch is how little they lose.
/// </summary>
[MemoryDiagnoser]
public class RecordWritersBenchmarks
{
    private const int Records = 32;
    private string _directory = null!;
    private SwtpmProcess? _swtpm;
    private TsmBackend _backend = null!;
    private DeviceDefinition _definition = null!;
    private MeasurementSession[] _sessions = [];
    private MeasurementLog[] _logs = [];

    [Params("emulator", "swtpm")]
    public string Platform { get; set; } = "emulator";

    [Params(1, 2, 8)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("tsm-writers-bench-").FullName;
        if (Platform == "swtpm")
        {
            _swtpm = new SwtpmProcess();
            (_backend, _definition) = (TsmBackend.Tpm(_swtpm.Uri), Tpm.Definition);
        }
        else
        {
            (_backend, _definition) = (TsmBackend.Emulated(), Tdx.Definition);
        }

        string path = Path.Combine(_directory, "eventlog");
        _sessions = Enumerable.Range(0, Writers).Select(_ => _backend.Open(_definition)).ToArray();
        _logs = _sessions.Select(session => MeasurementLog.Open(path, new LogicalRegister(session, MeasurementRole.Application))).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (MeasurementLog log in _logs)
        {
            log.Dispose();
        }

        foreach (MeasurementSession session in _sessions)
        {
            session.Dispose();
        }

        _swtpm?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Records, Description = "Record, writers in parallel")]
    public void Record() => Parallel.For(0, Writers, writer =>
    {
        for (int i = writer; i < Records; i += Writers)
        {
            _logs[writer].Record("example.com", "Writer", "benchmark event");
        }
    });
}
