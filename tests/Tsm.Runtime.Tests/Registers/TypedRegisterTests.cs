using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Registers;

public class TypedRegisterTests
{
    [Fact]
    public void A_typed_extend_is_read_back_as_the_kernel_would_compute_it()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());
        Sha384Digest digest = Sha384Digest.Compute("payload"u8);

        tdx.Rtmr3.Extend(digest);

        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA384, new byte[48], digest.ToArray()), tdx.Rtmr3.Read().ToArray());
    }

    [Fact]
    public void Read_only_registers_have_no_public_extend_so_extending_them_does_not_compile()
    {
        Assert.DoesNotContain(typeof(ReadOnlyRegister<Sha384Digest>).GetMethods(), m => m.Name == nameof(IMeasurementRegister.Extend));
        Assert.DoesNotContain(typeof(AgileReadOnlyRegister).GetMethods(), m => m.Name == nameof(IMeasurementRegister.Extend));
        Assert.Equal(2, typeof(ExtendableRegister<Sha384Digest>).GetMethods().Count(m => m.Name == nameof(IMeasurementRegister.Extend)));
    }

    [Fact]
    public void Extending_a_read_only_register_through_the_interface_throws_not_writable()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());
        IMeasurementRegister mrtd = tdx.MrTd;

        var error = Assert.Throws<MeasurementRegisterNotWritableException>(() => mrtd.Extend(new byte[48]));

        Assert.False(mrtd.IsExtendable);
        Assert.Equal("mrtd:sha384", error.RegisterName);
        Assert.Equal(Sha384Digest.Zero, tdx.MrTd.Read());
    }

    [Fact]
    public void Extending_a_fixed_register_by_name_explains_which_registers_are_extendable()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());

        var error = Assert.Throws<MeasurementRegisterNotWritableException>(() => tdx.Register("mrconfigid").Extend(new byte[48]));

        Assert.Contains("'mrconfigid' of Intel TDX cannot be extended", error.Message);
        Assert.Contains("Extendable registers: rtmr0:sha384, rtmr1:sha384, rtmr2:sha384, rtmr3:sha384", error.Message);
        Assert.Null(error.Errno);
    }

    [Fact]
    public void Registers_lists_every_register_in_schema_order_and_Register_finds_them_by_any_name()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());

        Assert.Equal(
            ["rtmr0:sha384", "rtmr1:sha384", "rtmr2:sha384", "rtmr3:sha384", "mrtd:sha384", "mrconfigid", "mrowner", "mrownerconfig"],
            tdx.Registers.Select(r => r.QualifiedName));
        Assert.Same(tdx.Register("rtmr3"), tdx.Register("rtmr3:sha384"));
        Assert.Same(tdx.Registers[3], tdx.Register("rtmr3"));
    }

    [Fact]
    public void An_unknown_register_name_lists_the_valid_ones()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());

        var error = Assert.Throws<MeasurementRegisterNotFoundException>(() => tdx.Register("rtmr9"));

        Assert.Contains("rtmr0, rtmr1, rtmr2, rtmr3, mrtd", error.Message);
    }

    [Fact]
    public void The_untyped_and_typed_views_of_a_register_share_its_value()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());
        byte[] data = Reference.Bytes(48, 8);

        tdx.Register("rtmr1").Extend(data);

        Assert.Equal(tdx.Register("rtmr1").ReadBytes(), tdx.Rtmr1.Read().ToArray());
        Span<byte> buffer = stackalloc byte[64];
        Assert.Equal(48, tdx.Rtmr1.Read(buffer));
        Assert.True(buffer[..48].SequenceEqual(tdx.Rtmr1.Read().Bytes));
    }

    [Fact]
    public void Registers_describe_themselves()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());

        Assert.Equal(("rtmr2", "rtmr2:sha384", 48, MeasurementHash.Sha384), (tdx.Rtmr2.Name, tdx.Rtmr2.QualifiedName, tdx.Rtmr2.Size, tdx.Rtmr2.Hash));
        Assert.True(tdx.Rtmr2.IsExtendable && tdx.Rtmr2.IsLive);
        Assert.False(tdx.MrOwner.IsExtendable || tdx.MrOwner.IsLive);
        Assert.Equal(2, tdx.Rtmr2.Definition.Index);
    }

    [Fact]
    public void A_wrong_size_extend_is_rejected_before_anything_changes()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());

        var error = Assert.Throws<MeasurementSizeArgumentException>(() => tdx.Rtmr0.Extend(new byte[32]));

        Assert.Equal((48, 32), (error.ExpectedSize, error.ActualSize));
        Assert.Contains("exactly 48 bytes", error.Message);
        Assert.Equal("data", error.ParamName);
        Assert.Equal(Sha384Digest.Zero, tdx.Rtmr0.Read());
    }

    [Fact]
    public void Reading_into_a_short_buffer_is_an_argument_error()
    {
        using TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());

        Assert.Throws<ArgumentException>(() => tdx.Rtmr0.Read(new byte[47]));
    }

    [Fact]
    public void A_value_type_that_does_not_fit_the_register_is_rejected_at_construction()
    {
        using MeasurementSession session = TsmBackend.Emulated().Open(TdxDevice.Definition);
        RegisterDefinition rtmr0 = TdxDevice.Definition.Registers[0];

        Assert.Contains("Sha256Digest is 32", Assert.Throws<ArgumentException>(() => new ExtendableRegister<Sha256Digest>(session, rtmr0)).Message);
        Assert.Contains("SHA3-384", Assert.Throws<ArgumentException>(() => new ReadOnlyRegister<Sha3_384Digest>(session, rtmr0)).Message);
    }

    [Fact]
    public void A_register_of_another_device_is_rejected()
    {
        using MeasurementSession session = TsmBackend.Emulated().Open(TdxDevice.Definition);

        Assert.Throws<ArgumentException>(() => new ReadOnlyRegister<Sha384Digest>(session, KernelSample.Definition.Find("rtmr1")));
    }

    [Fact]
    public void A_disposed_device_refuses_io()
    {
        TdxDevice tdx = TdxDevice.Open(TsmBackend.Emulated());
        tdx.Dispose();

        Assert.True(tdx.Session.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => tdx.Rtmr0.Read());
        Assert.Throws<ObjectDisposedException>(() => tdx.Rtmr0.Extend(Sha384Digest.Zero));
    }
}
