using System.Diagnostics;

namespace Tsm.Runtime.Tests.Tpm;

using Tpm = Tsm.Vendors.Tpm;

/// <summary>A swtpm that dies under an open session: the next command fails at once with a typed error naming it.</summary>
public sealed class SwtpmFailureTests(SwtpmFixture swtpm) : IClassFixture<SwtpmFixture>
{
    [SwtpmFact]
    public void After_swtpm_is_killed_the_next_command_fails_fast_naming_the_command()
    {
        var options = new TpmOptions { Timeout = TimeSpan.FromSeconds(5) };
        using Tpm perCommand = Tpm.Open(TsmBackend.Tpm(swtpm.Uri, options));
        _ = perCommand.Sha256.Pcr(0).Read();

        // swtpm serves one connection at a time, so the session that keeps its connection comes last.
        using Tpm kept = Tpm.Open(TsmBackend.Tpm(swtpm.Uri, new TpmOptions { Timeout = options.Timeout, KeepConnection = true }));
        _ = kept.Sha256.Pcr(0).Read();

        swtpm.Kill();
        var clock = Stopwatch.StartNew();
        var onKept = Assert.Throws<TpmTransportException>(() => kept.Sha256.Pcr(16).Extend(Sha256Digest.Compute("lost"u8)));
        var onNew = Assert.Throws<TpmTransportException>(() => perCommand.Sha256.Pcr(0).Read());

        Assert.True(clock.Elapsed < options.Timeout, $"the failures took {clock.Elapsed}");
        Assert.Equal(TpmCommand.PcrExtend, onKept.Command);
        Assert.StartsWith($"TPM2_PCR_Extend to the TPM at '{swtpm.Uri}' failed", onKept.Message);
        Assert.Equal(TpmCommand.PcrRead, onNew.Command);
        Assert.Contains("cannot connect", onNew.Message);
        Assert.Contains("is the simulator running", onNew.Message);
    }
}
