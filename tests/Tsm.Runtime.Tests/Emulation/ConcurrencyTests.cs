using System.Security.Cryptography;
using CsCheck;

namespace Tsm.Runtime.Tests.Emulation;

/// <summary>Concurrent extends behave as if they ran one after another, as the kernel's write lock guarantees.</summary>
public class ConcurrencyTests
{
    [Fact]
    public void Many_threads_extending_the_same_digest_end_where_the_same_number_of_serial_extends_end()
    {
        const int Threads = 8;
        const int ExtendsPerThread = 250;
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());
        Sha384Digest digest = Sha384Digest.Compute("concurrent"u8);
        using var start = new Barrier(Threads);

        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, _ =>
        {
            start.SignalAndWait();
            for (int i = 0; i < ExtendsPerThread; i++)
            {
                tdx.Rtmr3.Extend(digest);
            }
        });

        byte[] expected = new byte[48];
        for (int i = 0; i < Threads * ExtendsPerThread; i++)
        {
            expected = Reference.Extend(HashAlgorithmName.SHA384, expected, digest.ToArray());
        }

        Assert.Equal(expected, tdx.Rtmr3.Read().ToArray());
    }

    [Fact]
    public void Any_mix_of_parallel_extends_and_reads_is_linearizable()
    {
        Gen.Const(() => TdxDevice.Open(TsmBackend.Emulated()))
            .SampleParallel(
                Gen.Select(Gen.Int[0, 3], Gen.Byte.Array[48]).Operation<TdxDevice>(
                    op => $"Extend(rtmr{op.Item1}, {Convert.ToHexString(op.Item2, 0, 4)}...)",
                    (tdx, op) => tdx.Register($"rtmr{op.Item1}").Extend(op.Item2)),
                Gen.Int[0, 3].Operation<TdxDevice>(
                    rtmr => $"Read(rtmr{rtmr})",
                    (tdx, rtmr) => tdx.Register($"rtmr{rtmr}").ReadBytes()),
                equal: (a, b) => a.Registers.All(r => r.ReadBytes().AsSpan().SequenceEqual(b.Register(r.QualifiedName).ReadBytes())),
                print: tdx => string.Join(" ", tdx.Registers.Take(4).Select(r => Convert.ToHexString(r.ReadBytes(), 0, 4))),
                iter: 200);
    }
}
