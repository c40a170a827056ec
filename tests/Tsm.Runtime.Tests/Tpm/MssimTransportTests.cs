using System.Security.Cryptography;

namespace Tsm.Runtime.Tests.Tpm;

using Tpm = Tsm.Vendors.Tpm;

/// <summary>
/// The mssim:// transport against <see cref="MssimBridge"/>: the MS simulator's framing around a real swtpm, whose PCRs
/// tpm2-tools then check.
/// </summary>
public sealed class MssimTransportTests(SwtpmFixture swtpm) : IClassFixture<SwtpmFixture>
{
    [SwtpmFact]
    public void Opening_powers_the_simulator_on_and_commands_carry_the_locality()
    {
        using var bridge = new MssimBridge(swtpm.Port);
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(bridge.Uri, new TpmOptions { Locality = 3 }));

        _ = tpm.Sha1.Pcr(0).Read();

        Assert.Equal([1u, 11u, 20u], bridge.SignalsOnce(3));
        Assert.Equal(new byte[] { 3, 3, 3 }, bridge.ReceivedLocalities);
        Assert.Equal(bridge.Uri, tpm.Session.Location);
    }

    [SwtpmFact]
    public void An_extend_through_mssim_is_what_tpm2_pcrread_then_reads()
    {
        using var bridge = new MssimBridge(swtpm.Port);
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(bridge.Uri));
        byte[] old = swtpm.PcrRead("sha384", 16);
        Sha384Digest digest = Sha384Digest.Compute("through mssim"u8);

        tpm.Sha384.Pcr16.Extend(digest);

        byte[] expected = Reference.Extend(HashAlgorithmName.SHA384, old, digest.Bytes.ToArray());
        Assert.Equal(expected, swtpm.PcrRead("sha384", 16));
        Assert.Equal(expected, tpm.Sha384.Pcr16.Read().Bytes.ToArray());
    }

    [SwtpmFact]
    public void A_frame_length_that_disagrees_with_the_response_header_is_a_protocol_error()
    {
        using var bridge = new MssimBridge(swtpm.Port);
        using Tpm tpm = Tpm.Open(TsmBackend.Tpm(bridge.Uri, new TpmOptions { Timeout = TimeSpan.FromSeconds(2) }));
        bridge.LengthSkew = -4;

        var error = Assert.Throws<TpmProtocolException>(() => tpm.Sha256.Pcr(0).Read());

        Assert.Equal(TpmCommand.PcrRead, error.Command);
        Assert.Contains("disagrees with the mssim frame length", error.Message);
    }

    [Fact]
    public void A_missing_simulator_fails_at_power_on_naming_the_platform_port()
    {
        int port = LoopbackPorts.FreePair();

        var error = Assert.Throws<TpmTransportException>(() => Tpm.Open(TsmBackend.Tpm($"mssim://127.0.0.1:{port}")));

        Assert.Null(error.Command);
        Assert.Contains("Powering on the simulator", error.Message);
        Assert.Contains($"mssim platform port 127.0.0.1:{port + 1}", error.Message);
    }
}
