using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Emulation;

/// <summary>Arm CCA realms choose their measurement hash at creation; the emulator plays one realm.</summary>
public class HashChoiceTests
{
    [Fact]
    public void Without_a_selection_the_first_choice_is_used()
    {
        EmulatedBackend backend = TsmBackend.Emulated();
        using MeasurementSession session = backend.Open(CcaLike.Definition);
        var rem0 = new AgileExtendableRegister(session, CcaLike.Definition.Find("rem0"));

        Assert.Equal(["rim:sha256", "rem0:sha256", "rem1:sha256"], backend.Device(CcaLike.Definition).Files);
        Assert.Equal((MeasurementHash.Sha256, 32, "rem0:sha256"), (rem0.Hash, rem0.Size, rem0.QualifiedName));
        Assert.Equal(new AgileDigest(MeasurementHash.Sha256, new byte[32]), rem0.Read());
    }

    [Fact]
    public void The_selected_hash_names_the_files_and_sizes_the_values()
    {
        EmulatedBackend backend = TsmBackend.Emulated(new EmulatorOptions { SelectedHash = MeasurementHash.Sha512 });
        using MeasurementSession session = backend.Open(CcaLike.Definition);
        var rem1 = new AgileExtendableRegister(session, CcaLike.Definition.Find("rem1"));
        AgileDigest digest = AgileDigest.Compute(MeasurementHash.Sha512, "realm event"u8);

        rem1.Extend(digest);

        Assert.Equal("rem1:sha512", backend.Device(CcaLike.Definition).Files[2]);
        Assert.Equal(64, session.ResolveSize(rem1.Definition));
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA512, new byte[64], digest.ToArray()), rem1.Read().ToArray());
    }

    [Fact]
    public void A_selection_outside_the_choices_is_rejected()
    {
        EmulatedBackend backend = TsmBackend.Emulated(new EmulatorOptions { SelectedHash = MeasurementHash.Sha1 });

        var error = Assert.Throws<ArgumentException>(() => backend.Open(CcaLike.Definition));

        Assert.Contains("Sha256, Sha384, Sha512", error.Message);
    }

    [Fact]
    public void A_digest_of_another_algorithm_is_rejected_before_extending()
    {
        using MeasurementSession session = TsmBackend.Emulated().Open(CcaLike.Definition);
        var rem0 = new AgileExtendableRegister(session, CcaLike.Definition.Find("rem0"));

        Assert.Throws<ArgumentException>(() => rem0.Extend(AgileDigest.Compute(MeasurementHash.Sha384, [1])));
        Assert.Throws<MeasurementSizeArgumentException>(() => rem0.Extend(new byte[64]));
        Assert.Equal(new byte[32], rem0.Read().ToArray());
    }

    [Fact]
    public void The_rim_is_read_only()
    {
        using MeasurementSession session = TsmBackend.Emulated().Open(CcaLike.Definition);
        IMeasurementRegister rim = new AgileReadOnlyRegister(session, CcaLike.Definition.Find("rim"));

        Assert.Throws<MeasurementRegisterNotWritableException>(() => rim.Extend(new byte[32]));
    }
}
