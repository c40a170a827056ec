namespace Tsm.Testing;

/// <summary>
/// One real swtpm per test class (<see cref="SwtpmProcess"/>: own ports and state directory, stopped at dispose). When
/// swtpm is not installed nothing starts, and the tests, which are then skipped or (under CI) failed, get a clear error.
/// </summary>
public sealed class SwtpmFixture : IDisposable
{
    private readonly SwtpmProcess? _swtpm = Swtpm.Available ? new SwtpmProcess() : null;

    public int Port => Process.Port;

    /// <summary>The URI Tsm opens: <c>tcp://127.0.0.1:P</c>.</summary>
    public string Uri => Process.Uri;

    /// <summary>Runs a tpm2-tools command against this swtpm and returns its standard output; a non-zero exit fails the test.</summary>
    public string Tool(string tool, params string[] arguments) => Process.Tool(tool, arguments);

    /// <summary>A PCR as <c>tpm2_pcrread</c> reports it.</summary>
    public byte[] PcrRead(string bank, int pcr) => Process.PcrRead(bank, pcr);

    /// <summary>Kills swtpm with SIGKILL, as a crash would.</summary>
    public void Kill() => Process.Kill();

    public void Dispose() => _swtpm?.Dispose();

    private SwtpmProcess Process
    {
        get
        {
            Swtpm.Require();
            return _swtpm!;
        }
    }
}
