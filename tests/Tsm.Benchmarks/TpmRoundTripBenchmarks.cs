using BenchmarkDotNet.Attributes;
using Tsm.Testing;
using Tsm.Vendors;

namespace Tsm.Benchmarks;

/// <summary>
/// One PCR_Extend plus one PCR_Read of SHA-256 PCR 16 on a real swtpm (started in GlobalSetup, on its own loopback
/// ports): through Tsm's transport with the connection kept open and with one connection per command (the default),
/// against <c>tpm2_pcrextend</c> plus <c>tpm2_pcrread</c> as whole processes on the same swtpm, which is the baseline.
/// </summary>
[MemoryDiagnoser]
public class TpmRoundTripBenchmarks
{
    private readonly Sha256Digest _digest = Sha256Digest.Compute("benchmark event"u8);
    private readonly string _digestHex = Convert.ToHexStringLower(Sha256Digest.Compute("benchmark event"u8).Bytes);
    private SwtpmProcess _swtpm = null!;
    private Tpm _tpm = null!;

    // Each benchmark runs in its own process with its own swtpm. swtpm serves one client at a time, so only the kept
    // connection's benchmark holds one open.
    [GlobalSetup(Targets = [nameof(Tpm2Tools), nameof(ConnectionPerCommand)])]
    public void SetupPerCommand() => _tpm = Start(new TpmOptions());

    [GlobalSetup(Target = nameof(KeptConnection))]
    public void SetupKept() => _tpm = Start(new TpmOptions { KeepConnection = true });

    [GlobalCleanup]
    public void Cleanup()
    {
        _tpm.Dispose();
        _swtpm.Dispose();
    }

    private Tpm Start(TpmOptions options)
    {
        _swtpm = new SwtpmProcess();
        return Tpm.Open(TsmBackend.Tpm(_swtpm.Uri, options));
    }

    [Benchmark(Baseline = true, Description = "tpm2_pcrextend + tpm2_pcrread (processes)")]
    public int Tpm2Tools()
    {
        _ = _swtpm.Tool("tpm2_pcrextend", $"16:sha256={_digestHex}");
        return _swtpm.Tool("tpm2_pcrread", "sha256:16").Length;
    }

    [Benchmark(Description = "Tsm, one connection per command")]
    public Sha256Digest ConnectionPerCommand()
    {
        _tpm.Sha256.Pcr16.Extend(_digest);
        return _tpm.Sha256.Pcr16.Read();
    }

    [Benchmark(Description = "Tsm, kept connection")]
    public Sha256Digest KeptConnection()
    {
        _tpm.Sha256.Pcr16.Extend(_digest);
        return _tpm.Sha256.Pcr16.Read();
    }
}
