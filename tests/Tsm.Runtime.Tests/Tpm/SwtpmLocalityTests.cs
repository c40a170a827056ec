using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Tpm;

using Tpm = Tsm.Vendors.Tpm;

/// <summary>
/// Localities on swtpm's raw TCP protocol, which has none of its own: TpmOptions.Locality is set through swtpm's control
/// port before each command, and the PC Client PCR attributes then decide (ms-tpm-20-ref <c>s_initAttributes</c>). A swtpm of its own, because
/// the locality is swtpm-wide state.
/// </summary>
public sealed class SwtpmLocalityTests(SwtpmFixture swtpm) : IClassFixture<SwtpmFixture>
{
    [SwtpmFact]
    public void From_locality_2_pcr_17_extends_and_tpm2_pcrread_sees_it()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri, new TpmOptions { Locality = 2 }));
        byte[] old = swtpm.PcrRead("sha256", 17);
        Sha256Digest digest = Sha256Digest.Compute("dynamic launch"u8);

        tpm.Sha256.Pcr17.Extend(digest);

        Assert.All(old, b => Assert.Equal(0xFF, b));
        Assert.Equal(Reference.Extend(HashAlgorithmName.SHA256, old, digest.Bytes.ToArray()), swtpm.PcrRead("sha256", 17));
    }

    [SwtpmFact]
    public void From_locality_3_pcr_21_still_refuses_because_only_locality_2_may_extend_it()
    {
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(swtpm.Uri, new TpmOptions { Locality = 3 }));

        var error = Assert.Throws<TpmResponseException>(() => tpm.Sha1.Pcr(21).Extend(Sha1Digest.Compute("os"u8)));

        Assert.Equal("TPM_RC_LOCALITY", error.ResponseCode.Name);
        Assert.Contains("not allowed from locality 3", error.Message);
        Assert.Contains("21-22 from 2 only", error.Message);
    }

    [Fact]
    public void A_device_cannot_take_a_locality_because_the_kernel_always_uses_0()
    {
        var error = Assert.Throws<ArgumentException>(() => TsmBackend.Tpm("/dev/tpmrm0", new TpmOptions { Locality = 2 }));

        Assert.Contains("locality 0", error.Message);
    }
}
