using BenchmarkDotNet.Attributes;
using Tsm;
using Tsm.EventLog.Recording;
using Tsm.Testing;
using Tsm.Vendors;

namespace Tsm.Benchmarks;

/// <summary>
/// One <c>MeasurementLog.Record</c> on the application register, against the two costs it cannot avoid, in the same
/// run: the extend alone (<c>LogicalRegister.ExtendEvent</c>) and the durable append alone (a line written and
/// fsync'ed). On the in-process emulator (TDX RTMR3) and on a real swtpm (PCR 23 in three banks, one TPM2_PCR_Extend).
/// A record also takes the lock, reads the register to check it against the log, and hashes once per bank.
/// </summary>
[MemoryDiagnoser]
public class RecordBenchmarks
{
    private readonly byte[] _line = "example.com Start benchmark event\n"u8.ToArray();
    private string _directory = null!;
    private SwtpmProcess? _swtpm;
    private MeasurementSession _session = null!;
    private LogicalRegister _register = null!;
    private MeasurementLog _log = null!;
    private FileStream _fsyncFile = null!;

    [Params("emulator", "swtpm")]
    public string Platform { get; set; } = "emulator";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("tsm-record-bench-").FullName;
        if (Platform == "swtpm")
        {
            _swtpm = new SwtpmProcess();
            _session = TsmBackend.Tpm(_swtpm.Uri).Open(Tpm.Definition);
        }
        else
        {
            _session = TsmBackend.Emulated().Open(Tdx.Definition);
        }

        _register = new LogicalRegister(_session, MeasurementRole.Application);
        _log = MeasurementLog.Open(Path.Combine(_directory, "eventlog"), _register);
        _fsyncFile = new FileStream(Path.Combine(_directory, "fsync-only"), FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _fsyncFile.Dispose();
        _log.Dispose();
        _session.Dispose();
        _swtpm?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "append + fsync alone")]
    public void FsyncOnly()
    {
        _fsyncFile.Write(_line);
        _fsyncFile.Flush(flushToDisk: true);
    }

    [Benchmark(Description = "extend alone (every bank)")]
    public AgileDigest[] ExtendOnly() => _register.ExtendEvent(_line.AsSpan(0, _line.Length - 1));

    [Benchmark(Description = "MeasurementLog.Record")]
    public RecordedEvent Record() => _log.Record("example.com", "Start", "benchmark event");
}
