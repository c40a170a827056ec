using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Tsm;
using Tsm.Vendors;

namespace Tsm.Benchmarks;

/// <summary>
/// Typed RTMR3 extend on the emulator against the work it cannot avoid: one SHA-384 over 96 bytes (old ‖ data).
/// Goal: at most 1.2× the baseline and no allocation per call.
/// </summary>
[MemoryDiagnoser]
public class ExtendBenchmarks
{
    private readonly byte[] _concat = new byte[96];
    private readonly byte[] _hash = new byte[48];
    private Tdx _tdx = null!;
    private Sha384Digest _digest;

    [GlobalSetup]
    public void Setup()
    {
        _tdx = Tdx.Open(TsmBackend.Emulated());
        _digest = Sha384Digest.Compute("benchmark event"u8);
    }

    [GlobalCleanup]
    public void Cleanup() => _tdx.Dispose();

    [Benchmark(Baseline = true, Description = "SHA384.HashData(96 bytes)")]
    public int RawSha384() => SHA384.HashData(_concat, _hash);

    [Benchmark(Description = "tdx.Rtmr3.Extend(digest) on the emulator")]
    public void TypedExtend() => _tdx.Rtmr3.Extend(_digest);
}
