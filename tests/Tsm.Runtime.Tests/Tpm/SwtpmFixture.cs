using System.Diagnostics;
using System.Net.Sockets;

namespace Tsm.Runtime.Tests.Tpm;

/// <summary>
/// One real swtpm per test class: its own loopback ports (data P, control P+1) and state directory, SHA-1, SHA-256 and
/// SHA-384 banks allocated (SHA-512 not), started with not-need-init,startup-clear, stopped by PID and deleted at dispose.
/// tpm2-tools reach the same swtpm through <see cref="Tool"/>, as the independent peer.
/// </summary>
public sealed class SwtpmFixture : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
    private Process? _swtpm;

    public SwtpmFixture()
    {
        if (!Swtpm.Available)
        {
            return;
        }

        Port = LoopbackPorts.FreePair();
        StateDirectory = Directory.CreateTempSubdirectory("tsm-swtpm-").FullName;
        Run("swtpm_setup", "--tpm2", "--tpmstate", StateDirectory, "--pcr-banks", "sha1,sha256,sha384", "--overwrite");
        Start();
    }

    public int Port { get; private set; }

    public string StateDirectory { get; } = string.Empty;

    /// <summary>The URI Tsm opens: <c>tcp://127.0.0.1:P</c>.</summary>
    public string Uri
    {
        get
        {
            Swtpm.Require();
            return $"tcp://127.0.0.1:{Port}";
        }
    }

    public int ProcessId => _swtpm?.Id ?? throw new InvalidOperationException("swtpm is not running.");

    /// <summary>Runs a tpm2-tools command against this swtpm and returns its standard output; a non-zero exit fails the test.</summary>
    public string Tool(string tool, params string[] arguments)
    {
        Swtpm.Require();
        return Run(tool, arguments);
    }

    /// <summary>A PCR as <c>tpm2_pcrread</c> reports it.</summary>
    public byte[] PcrRead(string bank, int pcr)
    {
        string output = Tool("tpm2_pcrread", $"{bank}:{pcr}");
        string line = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith($"{pcr}:", StringComparison.Ordinal) || l.StartsWith($"{pcr} :", StringComparison.Ordinal));
        return Convert.FromHexString(line[(line.IndexOf("0x", StringComparison.Ordinal) + 2)..]);
    }

    /// <summary>Kills swtpm with SIGKILL, as a crash would, and waits until it is gone.</summary>
    public void Kill()
    {
        if (_swtpm is { HasExited: false } process)
        {
            Run("kill", "-9", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        if (_swtpm is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }

        if (StateDirectory.Length != 0 && Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    private void Start()
    {
        var start = new ProcessStartInfo("swtpm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "socket", "--tpm2",
            "--server", $"type=tcp,port={Port},bindaddr=127.0.0.1",
            "--ctrl", $"type=tcp,port={Port + 1},bindaddr=127.0.0.1",
            "--flags", "not-need-init,startup-clear",
            "--tpmstate", $"dir={StateDirectory}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _swtpm = Process.Start(start) ?? throw new InvalidOperationException("swtpm did not start.");
        _swtpm.OutputDataReceived += (_, _) => { };
        _swtpm.ErrorDataReceived += (_, _) => { };
        _swtpm.BeginOutputReadLine();
        _swtpm.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (!Accepts(Port))
        {
            if (_swtpm.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"swtpm did not accept connections on 127.0.0.1:{Port} within 15 s (exited: {_swtpm.HasExited}).");
            }

            Thread.Sleep(50);
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TPM2TOOLS_TCTI"] = $"swtpm:host=127.0.0.1,port={Port}";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ToolTimeout))
        {
            process.Kill();
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {ToolTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        }

        return output.Result;
    }
}
