using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;

namespace Tsm.Benchmarks;

/// <summary>
/// The TPM command marshalling alone, without a TPM: a three-bank TPM2_PCR_Extend written into a reused buffer, a
/// TPM2_PCR_Read of eight PCRs written, and that read's eight-digest response checked and parsed. Goal: 0 B allocated
/// per command.
/// </summary>
[MemoryDiagnoser]
public class TpmMarshallingBenchmarks
{
    private static readonly MeasurementHash[] Banks = [MeasurementHash.Sha1, MeasurementHash.Sha256, MeasurementHash.Sha384];
    private readonly byte[] _buffer = new byte[4096];
    private readonly byte[] _digests = new byte[20 + 32 + 48];
    private readonly byte[] _values = new byte[24 * 32];
    private byte[] _readResponse = null!;

    [GlobalSetup]
    public void Setup()
    {
        // TPM2_PCR_Read answer: counter, the sha256 selection of PCRs 0-7, eight 32-byte digests.
        var response = new List<byte> { 0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0x00, 0x0B, 3, 0xFF, 0, 0, 0, 0, 0, 8 };
        for (int i = 0; i < 8; i++)
        {
            response.AddRange([0, 32, .. new byte[32]]);
        }

        _readResponse = [.. response];
        BinaryPrimitives.WriteUInt32BigEndian(_readResponse.AsSpan(2), (uint)_readResponse.Length);
        if (ParseRead() != 0xFF)
        {
            throw new InvalidOperationException("The canned TPM2_PCR_Read response does not parse.");
        }
    }

    [Benchmark(Description = "write TPM2_PCR_Extend (3 banks)")]
    public int WriteExtend() => TpmPcrExtend.Write(_buffer, 16, Banks, _digests);

    [Benchmark(Description = "write TPM2_PCR_Read (8 PCRs)")]
    public int WriteRead() => TpmPcrRead.Write(_buffer, TpmAlgorithms.Sha256, 0xFF);

    [Benchmark(Description = "check + parse TPM2_PCR_Read response (8 digests)")]
    public uint ParseRead() =>
        TpmPcrRead.Parse(TpmResponse.Check(_readResponse, TpmCommand.PcrRead, "benchmark"), TpmAlgorithms.Sha256, 0xFF, 32, _values, out _);
}
