using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Tsm.Testing;

/// <summary>
/// A real swtpm (Debian's swtpm and swtpm-tools) on its own loopback ports, data P and control P+1, with its own state
/// directory and SHA-1, SHA-256 and SHA-384 banks allocated (SHA-512 not), started with not-need-init,startup-clear
/// and stopped by PID at dispose, when its directory is deleted. tpm2-tools reach it through <see cref="Tool"/>.
/// </summary>
internal sealed class SwtpmProcess : IDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _swtpm;

    public SwtpmProcess()
    {
        StateDirectory = Directory.CreateTempSubdirectory("tsm-swtpm-").FullName;
        try
        {
            _ = Run("swtpm_setup", "--tpm2", "--tpmstate", StateDirectory, "--pcr-banks", "sha1,sha256,sha384", "--overwrite");

            // The free ports are found before swtpm binds them, so another process can take them first: try new ones.
            for (int attempt = 1; ; attempt++)
            {
                Port = LoopbackPorts.FreePair();
                try
                {
                    _swtpm = Start();
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // swtpm exited or never listened, most likely because a port was taken: the next attempt picks others.
                }
            }
        }
        catch
        {
            Directory.Delete(StateDirectory, recursive: true);
            throw;
        }
    }

    public int Port { get; private set; }

    public string StateDirectory { get; }

    /// <summary>The URI Tsm opens: <c>tcp://127.0.0.1:P</c>.</summary>
    public string Uri => $"tcp://127.0.0.1:{Port}";

    /// <summary>Runs a tpm2-tools command against this swtpm and returns its standard output; a non-zero exit throws.</summary>
    public string Tool(string tool, params string[] arguments) => Run(tool, arguments);

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
        if (!_swtpm.HasExited)
        {
            _ = Run("kill", "-9", _swtpm.Id.ToString(CultureInfo.InvariantCulture));
            _ = _swtpm.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        if (!_swtpm.HasExited)
        {
            _swtpm.Kill();
            _ = _swtpm.WaitForExit(10_000);
        }

        _swtpm.Dispose();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }

    private Process Start()
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

        Process swtpm = Process.Start(start) ?? throw new InvalidOperationException("swtpm did not start.");
        swtpm.OutputDataReceived += (_, _) => { };
        swtpm.ErrorDataReceived += (_, _) => { };
        swtpm.BeginOutputReadLine();
        swtpm.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (!Accepts(Port))
        {
            if (swtpm.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                bool exited = swtpm.HasExited;
                swtpm.Kill();
                swtpm.Dispose();
                throw new InvalidOperationException($"swtpm did not accept connections on 127.0.0.1:{Port} within 15 s (exited: {exited}).");
            }

            Thread.Sleep(50);
        }

        return swtpm;
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
