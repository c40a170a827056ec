namespace Tsm.Runtime.Tests.Emulation;

/// <summary>Reads and extends on the emulator allocate nothing, so measuring in a hot path costs only the hash.</summary>
public class AllocationTests
{
    [Fact]
    public void Typed_extend_and_read_do_not_allocate()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());
        Sha384Digest digest = Sha384Digest.Compute("hot path"u8);
        tdx.Rtmr3.Extend(digest);
        _ = tdx.Rtmr3.Read();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            tdx.Rtmr3.Extend(digest);
            digest = tdx.Rtmr3.Read();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Span_extend_and_read_through_the_interface_do_not_allocate()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());
        IMeasurementRegister rtmr = tdx.Register("rtmr2");
        Span<byte> value = stackalloc byte[48];
        rtmr.Extend(value);
        rtmr.Read(value);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            rtmr.Extend(value);
            rtmr.Read(value);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Reading_a_refreshed_live_register_does_not_allocate()
    {
        using GenericDevice sample = GenericDevice.Open(KernelSample.Definition, TsmBackend.Emulated());
        IMeasurementRegister report = sample.Register("report_digest");
        Span<byte> value = stackalloc byte[64];
        report.Read(value);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            report.Read(value);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
